package io.s2spay.connector.opp;

import java.util.List;

/**
 * The query endpoint's answer for one merchantTransactionId: the transactions held under it (possibly none), or an
 * UNKNOWN transaction saying why the gateway could not be asked.
 */
record OppQueryAnswer(
        List<OppTransaction> held, OppTransaction unanswered, String resultCode, String resultDescription) {}
