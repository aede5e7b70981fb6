package io.s2spay.bench;

/**
 * The fields of one {@code /proc/<pid>/stat} line the benchmark uses (proc(5)); times in clock ticks.
 *
 * @param command field 2, the executable's name without its parentheses (it may itself contain spaces and
 *     parentheses, so the line is split at the last closing parenthesis)
 * @param userTicks field 14, utime
 * @param systemTicks field 15, stime
 * @param childrenUserTicks field 16, cutime: the user time of the children this process has waited for
 * @param childrenSystemTicks field 17, cstime: their system time
 */
record ProcStat(
        long pid,
        String command,
        char state,
        long parentPid,
        long processGroup,
        long userTicks,
        long systemTicks,
        long childrenUserTicks,
        long childrenSystemTicks) {

    /** Field 14 (utime) is the 12th field after the command: fields are counted from 1, the state is field 3. */
    private static final int FIRST_FIELD_AFTER_COMMAND = 3;

    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) throw new IllegalArgumentException("not a /proc stat line: " + shorten(line));
        String[] fields = line.substring(close + 1).strip().split(" +");
        if (fields.length < field(17) + 1)
            throw new IllegalArgumentException("a /proc stat line with too few fields: " + shorten(line));
        try {
            return new ProcStat(
                    Long.parseLong(line.substring(0, open).strip()),
                    line.substring(open + 1, close),
                    fields[field(3)].charAt(0),
                    Long.parseLong(fields[field(4)]),
                    Long.parseLong(fields[field(5)]),
                    Long.parseLong(fields[field(14)]),
                    Long.parseLong(fields[field(15)]),
                    Long.parseLong(fields[field(16)]),
                    Long.parseLong(fields[field(17)]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc stat line: " + shorten(line), e);
        }
    }

    /** utime + stime: the CPU this process has used itself. */
    long ownTicks() {
        return userTicks + systemTicks;
    }

    /**
     * utime + stime + cutime + cstime: with the time of the children it has reaped, which leaves their process
     * (a PostgreSQL backend that ended) but not the tree.
     */
    long ticksWithReapedChildren() {
        return ownTicks() + childrenUserTicks + childrenSystemTicks;
    }

    private static int field(int number) {
        return number - FIRST_FIELD_AFTER_COMMAND;
    }

    private static String shorten(String line) {
        return line.length() <= 80 ? "'" + line + "'" : "'" + line.substring(0, 80) + "...'";
    }
}
