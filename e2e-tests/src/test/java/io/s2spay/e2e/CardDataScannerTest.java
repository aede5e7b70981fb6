package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leak scan of the end-to-end test must find what it looks for, and only that. */
class CardDataScannerTest {

    static final String PAN = "4200000000000000";
    final CardDataScanner scanner = new CardDataScanner(List.of(PAN, "5454545454545454"), "739");

    @Test
    void findsAPanInBinaryData() {
        byte[] avro =
                concat(new byte[] {0, 0, 0, 0, 7, 0x20}, PAN.getBytes(StandardCharsets.US_ASCII), new byte[] {0x02});

        assertThat(scanner.findInBytes(avro)).containsExactly("PAN 420000…0000");
    }

    @Test
    void findsAnAvroEncodedCvvButNotTheSameDigitsInsideIdsOrTimes() {
        byte[] avroString =
                concat(new byte[] {0x12, 0x06}, "739".getBytes(StandardCharsets.US_ASCII), new byte[] {0x00});

        assertThat(scanner.findInBytes(avroString)).containsExactly("CVV");
        assertThat(scanner.findInBytes("pay_7391ab 2026-11-21T08:35:11.739Z offset=17392 port :739 x-739"
                        .getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }

    @Test
    void findsTheCvvAsAJsonStringValue() {
        assertThat(scanner.findInJson("{\"card\": {\"bin\": \"420000\", \"cvv\": \"739\"}}"))
                .containsExactly("CVV");
        assertThat(scanner.findInJson("{\"amountMinor\": 739, \"id\": \"x739\"}"))
                .isEmpty();
    }

    @Test
    void findsALabelledCvvAndAnyPanInLogs() {
        assertThat(scanner.findInLog("request body {\"cvv\":\"739\"}")).hasSize(1);
        assertThat(scanner.findInLog("card.cvv=739 rejected")).hasSize(1);
        assertThat(scanner.findInLog("Started in 7.39 s, 739 records, pid 7390"))
                .isEmpty();
        assertThat(scanner.findInLog("number 5454545454545454 declined")).containsExactly("PAN 545454…5454");
    }

    @Test
    void findsAPanInAByteaColumnAndTheCvvAsAColumnValue() {
        String hex = "\\x" + HexFormat.of().formatHex(("\u0000" + PAN).getBytes(StandardCharsets.US_ASCII));

        assertThat(scanner.findInRow("(1,topic," + hex + ")")).containsExactly("PAN 420000…0000 (hex)");
        assertThat(scanner.findInRow("(pay_1,739,EUR)")).containsExactly("CVV");
        assertThat(scanner.findInRow("(pay_1,97390,EUR,2026-11-21 08:35:11.739+00)"))
                .isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
