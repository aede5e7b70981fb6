package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OppResultCodesTest {

    /** Real OPP result codes from every documented family: code | group | outcome | OPP's description. */
    private static final String REAL_CODES = """
            000.000.000 | SUCCESSFUL                      | SUCCEEDED | Transaction succeeded
            000.000.100 | SUCCESSFUL                      | SUCCEEDED | successful request
            000.100.110 | SUCCESSFUL                      | SUCCEEDED | Request successfully processed in 'Merchant in Integrator Test Mode'
            000.100.111 | SUCCESSFUL                      | SUCCEEDED | Request successfully processed in 'Merchant in Validator Test Mode'
            000.100.112 | SUCCESSFUL                      | SUCCEEDED | Request successfully processed in 'Merchant in Connector Test Mode'
            000.300.000 | SUCCESSFUL                      | SUCCEEDED | Two-step transaction succeeded
            000.310.100 | SUCCESSFUL                      | SUCCEEDED | Account updated
            000.600.000 | SUCCESSFUL                      | SUCCEEDED | transaction succeeded due to external update
            000.400.110 | SUCCESSFUL                      | SUCCEEDED | Authentication successful (frictionless flow)
            000.400.120 | SUCCESSFUL                      | SUCCEEDED | Authentication successful (data only flow)
            000.400.000 | SUCCESSFUL_MANUAL_REVIEW        | SUCCEEDED | Transaction succeeded (please review manually due to fraud suspicion)
            000.400.010 | SUCCESSFUL_MANUAL_REVIEW        | SUCCEEDED | Transaction succeeded (please review manually due to AVS return code)
            000.400.040 | SUCCESSFUL_MANUAL_REVIEW        | SUCCEEDED | Transaction succeeded (please review manually due to amount mismatch)
            000.400.100 | SUCCESSFUL_MANUAL_REVIEW        | SUCCEEDED | Transaction succeeded, risk after payment rejected
            000.200.000 | PENDING                         | PENDING   | transaction pending
            000.200.100 | PENDING                         | PENDING   | successfully created checkout
            000.200.103 | PENDING                         | PENDING   | checkout is pending
            800.400.500 | PENDING_LONG_TERM               | PENDING   | Waiting for confirmation of non-instant payment. Denied for now.
            100.400.500 | PENDING_LONG_TERM               | PENDING   | waiting for external risk
            000.400.101 | REJECTED_3DS_AND_INTERCARD_RISK | DECLINED  | card not participating/authentication unavailable
            000.400.108 | REJECTED_3DS_AND_INTERCARD_RISK | DECLINED  | Cardholder Not Found - card number provided is not found in the ranges of the issuer
            000.400.200 | REJECTED_3DS_AND_INTERCARD_RISK | DECLINED  | risk management check communication error
            800.100.100 | REJECTED_BY_BANK                | DECLINED  | transaction declined for unknown reason
            800.100.151 | REJECTED_BY_BANK                | DECLINED  | transaction declined (invalid card)
            800.100.152 | REJECTED_BY_BANK                | DECLINED  | transaction declined by authorization system
            800.100.153 | REJECTED_BY_BANK                | DECLINED  | transaction declined (invalid CVV)
            800.100.155 | REJECTED_BY_BANK                | DECLINED  | transaction declined (amount exceeds credit)
            800.100.171 | REJECTED_BY_BANK                | DECLINED  | transaction declined (pick up card)
            800.700.100 | REJECTED_BY_BANK                | DECLINED  | transaction for the same session is currently being processed, please try again later
            800.800.102 | REJECTED_BY_BANK                | DECLINED  | Invalid street
            900.100.100 | COMMUNICATION_ERROR             | UNKNOWN   | unexpected communication error with connector/acquirer
            900.100.300 | COMMUNICATION_ERROR             | UNKNOWN   | timeout, uncertain result
            900.100.400 | COMMUNICATION_ERROR             | UNKNOWN   | timeout at connectors/acquirer side
            900.200.100 | COMMUNICATION_ERROR             | UNKNOWN   | Message Sequence Number of Connector out of sync
            900.400.100 | COMMUNICATION_ERROR             | UNKNOWN   | unexpected communication error with external risk provider
            000.400.030 | COMMUNICATION_ERROR             | UNKNOWN   | Transaction partially failed (please reverse manually due to failed automatic reversal)
            900.100.301 | COMMUNICATION_ERROR             | FAILED    | Transaction timed out without response from connector/acquirer. It was reversed.
            900.100.310 | COMMUNICATION_ERROR             | FAILED    | Transaction timed out due to internal system misconfiguration. Request to acquirer has not been sent.
            900.100.600 | COMMUNICATION_ERROR             | FAILED    | connector/acquirer currently down
            900.300.600 | COMMUNICATION_ERROR             | DECLINED  | user session timeout
            999.999.999 | SYSTEM_ERROR                    | FAILED    | UNDEFINED CONNECTOR/ACQUIRER ERROR
            800.800.800 | SYSTEM_ERROR                    | FAILED    | The payment system is currenty unavailable, please contact support in case this happens again.
            800.800.801 | SYSTEM_ERROR                    | FAILED    | The payment system is currenty under maintenance. Please apologize for the inconvenience this may cause.
            800.500.100 | SYSTEM_ERROR                    | FAILED    | direct debit transaction declined for unknown reason
            600.100.100 | SYSTEM_ERROR                    | FAILED    | Unexpected Integrator Error (Request could not be processed)
            800.600.100 | SYSTEM_ERROR                    | UNKNOWN   | transaction is being already processed
            100.396.101 | ASYNC_WORKFLOW_ERROR            | DECLINED  | Cancelled by user
            100.396.103 | ASYNC_WORKFLOW_ERROR            | DECLINED  | Previously pending transaction timed out
            100.397.101 | ASYNC_WORKFLOW_ERROR            | DECLINED  | Cancelled by user due to external update
            100.395.101 | ASYNC_WORKFLOW_ERROR            | DECLINED  | Bank not supported for Giropay
            300.100.100 | SOFT_DECLINE                    | DECLINED  | Transaction declined (additional customer authentication required)
            100.400.001 | REJECTED_EXTERNAL_RISK          | DECLINED  | Risk check: rejected
            100.400.120 | REJECTED_EXTERNAL_RISK          | DECLINED  | Risk check: rejected due to risk score
            100.380.100 | REJECTED_EXTERNAL_RISK          | DECLINED  | transaction declined (risk rejected)
            100.380.110 | REJECTED_EXTERNAL_RISK          | DECLINED  | Risk Management: fraud score threshold reached
            100.380.401 | REJECTED_EXTERNAL_RISK          | DECLINED  | User Authentication Failed
            100.380.501 | REJECTED_EXTERNAL_RISK          | DECLINED  | risk management transaction timeout
            800.400.100 | REJECTED_ADDRESS_VALIDATION     | DECLINED  | AVS Check Failed
            800.400.150 | REJECTED_ADDRESS_VALIDATION     | DECLINED  | Implausible address data
            800.400.200 | REJECTED_3DS                    | DECLINED  | Invalid payer authentication in 3DSecure transaction
            100.390.103 | REJECTED_3DS                    | DECLINED  | PARes Validation failed - problem with signature
            100.390.112 | REJECTED_3DS                    | DECLINED  | Technical Error in 3D system
            800.300.101 | REJECTED_BLACKLIST              | DECLINED  | account or user is blacklisted (card blacklisted)
            800.300.401 | REJECTED_BLACKLIST              | DECLINED  | Bin blacklisted
            800.200.159 | REJECTED_BLACKLIST              | DECLINED  | account or user is blacklisted (card stolen)
            800.110.100 | REJECTED_RISK_VALIDATION        | DECLINED  | duplicate transaction
            800.120.100 | REJECTED_RISK_VALIDATION        | DECLINED  | Rejected by Throttling.
            800.130.100 | REJECTED_RISK_VALIDATION        | DECLINED  | Rejected by Throttling.
            800.160.100 | REJECTED_RISK_VALIDATION        | DECLINED  | Card blocked by velocity
            600.200.100 | INVALID_CONFIGURATION           | FAILED    | invalid Payment Method
            600.200.500 | INVALID_CONFIGURATION           | FAILED    | Invalid payment data. You are not configured for this currency or sub type (country or brand)
            500.100.201 | INVALID_CONFIGURATION           | FAILED    | Channel/Merchant is disabled (no processing possible)
            800.121.100 | INVALID_CONFIGURATION           | FAILED    | Channel not configured for given source type. Please contact your account manager.
            100.150.100 | INVALID_REGISTRATION            | FAILED    | request contains no Account data and no registration id
            100.150.200 | INVALID_REGISTRATION            | FAILED    | registration does not exist
            100.350.100 | INVALID_REGISTRATION            | FAILED    | referenced session is REJECTED (no action possible)
            100.250.100 | INVALID_JOB                     | FAILED    | job contains no execution information
            100.360.201 | INVALID_JOB                     | FAILED    | unknown schedule type
            700.100.100 | INVALID_REFERENCE               | FAILED    | reference id not existing
            700.400.100 | INVALID_REFERENCE               | FAILED    | cannot capture (PA value exceeded, PA reverted or invalid workflow?)
            700.400.200 | INVALID_REFERENCE               | FAILED    | cannot refund (refund volume exceeded or tx reversed or invalid workflow?)
            700.400.580 | INVALID_REFERENCE               | FAILED    | cannot find transaction
            700.300.600 | INVALID_REFERENCE               | FAILED    | referenced tx can not be refunded, captured or reversed (invalid type)
            700.500.001 | INVALID_REFERENCE               | FAILED    | referenced session contains too many transactions
            200.300.404 | INVALID_FORMAT                  | FAILED    | invalid or missing parameter
            200.100.101 | INVALID_FORMAT                  | FAILED    | invalid Request Message. No valid XML. XML must be url-encoded! maybe it contains a not encoded ampersand or something similar.
            100.500.101 | INVALID_FORMAT                  | FAILED    | payment method invalid
            800.900.300 | INVALID_FORMAT                  | FAILED    | invalid authentication information
            800.900.101 | INVALID_FORMAT                  | FAILED    | sender authorization failed
            100.600.500 | INVALID_FORMAT                  | FAILED    | usage field too long
            100.900.500 | INVALID_FORMAT                  | FAILED    | invalid recurrence mode
            100.800.100 | INVALID_ADDRESS                 | FAILED    | request contains no street
            100.800.401 | INVALID_ADDRESS                 | FAILED    | invalid zip
            100.700.100 | INVALID_CONTACT                 | FAILED    | customer.surname may not be null
            100.900.100 | INVALID_CONTACT                 | FAILED    | request contains no email address
            100.900.401 | INVALID_CONTACT                 | FAILED    | invalid phone number
            100.100.101 | INVALID_ACCOUNT                 | DECLINED  | invalid creditcard, bank account number or bank name
            100.100.303 | INVALID_ACCOUNT                 | DECLINED  | card expired
            100.100.700 | INVALID_ACCOUNT                 | DECLINED  | invalid cc number/brand combination
            100.200.100 | INVALID_ACCOUNT                 | DECLINED  | bank account contains no or invalid country
            100.210.101 | INVALID_ACCOUNT                 | DECLINED  | virtual account contains no or invalid id
            100.550.300 | INVALID_AMOUNT                  | FAILED    | request contains no amount or too low amount
            100.550.310 | INVALID_AMOUNT                  | FAILED    | amount exceeds limit for the registered account.
            100.550.401 | INVALID_AMOUNT                  | FAILED    | invalid currency
            100.380.101 | INVALID_RISK_MANAGEMENT         | FAILED    | transaction contains no risk management part
            100.380.201 | INVALID_RISK_MANAGEMENT         | FAILED    | no risk management process type specified
            100.380.305 | INVALID_RISK_MANAGEMENT         | FAILED    | no frontend ip provided for risk management request
            000.100.200 | CHARGEBACK                      | SUCCEEDED | Reason not Specified
            000.100.201 | CHARGEBACK                      | SUCCEEDED | Account or Bank Details Incorrect
            000.100.220 | CHARGEBACK                      | SUCCEEDED | Fraudulent Transaction
            000.100.299 | CHARGEBACK                      | SUCCEEDED | Unspecified (Technical)
            """;

    static Stream<Arguments> realCodes() {
        return REAL_CODES.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] columns = line.split("\\|", 4);
            return Arguments.of(
                    columns[0].strip(),
                    ResultCategory.valueOf(columns[1].strip()),
                    OppOutcome.valueOf(columns[2].strip()),
                    columns[3].strip());
        });
    }

    @ParameterizedTest(name = "{0} ({3}) -> {1} / {2}")
    @MethodSource("realCodes")
    void classifiesRealCodesWithThePublishedExpressions(
            String code, ResultCategory category, OppOutcome outcome, String description) {
        assertThat(OppResultCodes.classify(code)).isEqualTo(category);
        assertThat(OppResultCodes.outcomeOf(code)).isEqualTo(outcome);
    }

    @Test
    void realCodeTableCoversEveryPublishedGroup() {
        Set<ResultCategory> covered = realCodes()
                .map(arguments -> (ResultCategory) arguments.get()[1])
                .collect(Collectors.toSet());
        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ResultCategory.values())
                        .filter(ResultCategory::isResultCodeGroup)
                        .toList());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"000.000", "abc.def.ghi", " 000.000.000", "000.000.000 ", "0000.000.000", "000-000-000"})
    void treatsMissingOrMalformedCodesAsUnknown(String code) {
        assertThat(OppResultCodes.classify(code)).isEqualTo(ResultCategory.UNCLASSIFIED);
        assertThat(OppResultCodes.outcomeOf(code)).isEqualTo(OppOutcome.UNKNOWN);
    }

    @Test
    void treatsUndocumentedRefusalsAsDeclinedButNeverGuessesSuccess() {
        // 700.600.002 "Retry blocked (Retry after 72 hours)" belongs to no published group
        assertThat(OppResultCodes.classify("700.600.002")).isEqualTo(ResultCategory.UNCLASSIFIED);
        assertThat(OppResultCodes.outcomeOf("700.600.002")).isEqualTo(OppOutcome.DECLINED);
        // an undocumented code of the success/pending family is not assumed to be either
        assertThat(OppResultCodes.classify("000.500.000")).isEqualTo(ResultCategory.UNCLASSIFIED);
        assertThat(OppResultCodes.outcomeOf("000.500.000")).isEqualTo(OppOutcome.UNKNOWN);
    }

    @Test
    void connectorCategoriesSayWhetherTheGatewayCanHaveProcessedTheRequest() {
        assertThat(ResultCategory.NOT_SENT.neverReachedGateway()).isTrue();
        assertThat(ResultCategory.NOT_RECEIVED.neverReachedGateway()).isTrue();
        assertThat(ResultCategory.NO_RESPONSE.neverReachedGateway()).isFalse();
        assertThat(ResultCategory.GATEWAY_HTTP_ERROR.outcome()).isEqualTo(OppOutcome.UNKNOWN);
        assertThat(ResultCategory.NO_RESPONSE.outcome()).isEqualTo(OppOutcome.UNKNOWN);
    }
}
