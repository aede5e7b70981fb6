package io.s2spay.sandbox.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The catalogue of Open Payment Platform result codes the sandbox answers with, and their published descriptions. */
public final class GatewayResultCodes {

    public static final String SUCCESS = "000.000.000";
    public static final String SUCCESS_QUERY = "000.000.100";
    public static final String SUCCESS_TEST_MODE = "000.100.110";
    public static final String SUCCESS_EXTERNAL_UPDATE = "000.600.000";
    public static final String PENDING = "000.200.000";
    public static final String WAITING_FOR_NON_INSTANT_PAYMENT = "800.400.500";

    public static final String INVALID_CARD_NUMBER = "100.100.101";
    public static final String NO_CARD_NUMBER = "100.100.100";
    public static final String NO_MONTH = "100.100.200";
    public static final String INVALID_MONTH = "100.100.201";
    public static final String NO_YEAR = "100.100.300";
    public static final String INVALID_YEAR = "100.100.301";
    public static final String CARD_EXPIRED = "100.100.303";
    public static final String HOLDER_LENGTH = "100.100.401";
    public static final String INVALID_BRAND = "100.100.501";
    public static final String INVALID_CVV = "100.100.601";
    public static final String NUMBER_BRAND_MISMATCH = "100.100.700";
    public static final String INVALID_REGISTRATION_ID = "100.150.101";
    public static final String REGISTRATION_NOT_FOUND = "100.150.200";
    public static final String REGISTRATION_DEREGISTERED = "100.150.202";
    public static final String INVALID_UNIQUE_ID = "100.100.104";
    public static final String NO_FRONTEND_FOR_ASYNC = "100.380.305";
    public static final String THREEDS_AUTHENTICATION_FAILED = "100.380.401";
    public static final String THREEDS_TIMEOUT = "100.380.501";
    public static final String CANCELLED_BY_USER = "100.396.101";
    public static final String PENDING_TIMED_OUT = "100.396.103";
    public static final String REJECTED_BY_EXTERNAL_UPDATE = "100.397.102";
    public static final String AMOUNT_TOO_LOW = "100.550.300";
    public static final String AMOUNT_FORMAT = "100.550.303";
    public static final String INVALID_CURRENCY = "100.550.401";
    public static final String INVALID_PARAMETER = "200.300.404";
    public static final String SESSION_CLOSED = "100.350.101";

    public static final String REFERENCE_NOT_EXISTING = "700.100.100";
    public static final String NON_MATCHING_REFERENCE_AMOUNT = "700.100.200";
    public static final String AMOUNT_TOO_LARGE = "700.100.300";
    public static final String CURRENCY_MISMATCH = "700.100.500";
    public static final String INAPPROPRIATE_REFERENCE_TYPE = "700.100.700";
    public static final String REFERENCED_REJECTED = "700.300.200";
    public static final String ALREADY_PROCESSED = "700.300.300";
    public static final String CAPTURE_CUT_OFF = "700.300.400";
    public static final String MULTIPLE_CHARGEBACKS = "700.300.500";
    public static final String WAS_CHARGEBACKED = "700.300.600";
    public static final String REVERSAL_NOT_POSSIBLE_ANYMORE = "700.300.700";
    public static final String CANNOT_CAPTURE = "700.400.100";
    public static final String CAPTURE_NOT_SUPPORTED = "700.400.101";
    public static final String CANNOT_REFUND = "700.400.200";
    public static final String CANNOT_REVERSE = "700.400.300";
    public static final String CANNOT_CHARGEBACK = "700.400.400";
    public static final String CHARGEBACK_ALREADY_REVERSED = "700.400.410";
    public static final String NO_CHARGEBACK_TO_REVERSE = "700.400.420";
    public static final String CAPTURE_NEEDS_PA = "700.400.510";
    public static final String REFUND_NEEDS_CAPTURE = "700.400.520";
    public static final String CHARGEBACK_NEEDS_CAPTURE = "700.400.550";
    public static final String RECEIPT_NEEDS_PENDING_RECEIPT = "700.400.560";
    public static final String REFERENCES_PENDING = "700.400.570";
    public static final String TRANSACTION_NOT_FOUND = "700.400.580";

    public static final String DUPLICATE_TRANSACTION_ID = "800.130.100";
    public static final String THROTTLED = "800.120.100";
    public static final String INVALID_AUTHENTICATION = "800.900.300";
    public static final String INSUFFICIENT_RIGHTS = "800.900.301";
    public static final String TIMEOUT_UNCERTAIN = "900.100.300";
    public static final String UNDEFINED_ERROR = "999.999.999";
    public static final String BANK_DECLINED = "800.100.152";

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        // successful, successful in test mode, successful needing review
        add(SUCCESS, "Transaction succeeded");
        add(SUCCESS_QUERY, "successful request");
        add(SUCCESS_TEST_MODE, "Request successfully processed in 'Merchant in Integrator Test Mode'");
        add("000.100.111", "Request successfully processed in 'Merchant in Validator Test Mode'");
        add("000.100.112", "Request successfully processed in 'Merchant in Connector Test Mode'");
        add("000.300.000", "Two-step transaction succeeded");
        add("000.400.000", "Transaction succeeded (please review manually due to fraud suspicion)");
        add("000.400.010", "Transaction succeeded (please review manually due to AVS return code)");
        add("000.400.020", "Transaction succeeded (please review manually due to CVV return code)");
        add("000.400.100", "Transaction succeeded, risk after payment rejected");
        add(SUCCESS_EXTERNAL_UPDATE, "transaction succeeded due to external update");
        // chargeback reasons
        add("000.100.200", "Reason not Specified");
        add("000.100.203", "Insufficient Funds");
        add("000.100.206", "Revocation or Dispute");
        add("000.100.220", "Fraudulent Transaction");
        add("000.100.221", "Merchandise Not Received");
        add("000.100.222", "Transaction Not Recognized By Cardholder");
        add("000.100.223", "Service Not Rendered");
        add("000.100.224", "Duplicate Processing");
        add("000.100.225", "Credit Not Processed");
        add("000.100.230", "Unauthorised Charge");
        // pending
        add(PENDING, "transaction pending");
        add(WAITING_FOR_NON_INSTANT_PAYMENT, "Waiting for confirmation of non-instant payment. Denied for now.");
        // 3-D Secure and risk
        add("000.400.101", "card not participating/authentication unavailable");
        add("000.400.102", "user not enrolled");
        add("000.400.103", "Technical Error in 3D system");
        add("000.400.200", "risk management check communication error");
        add(NO_FRONTEND_FOR_ASYNC, "no frontend information provided for asynchronous transaction");
        add(THREEDS_AUTHENTICATION_FAILED, "User Authentication Failed");
        add(THREEDS_TIMEOUT, "risk management transaction timeout");
        add("100.390.105", "Transaction rejected because of technical error in 3DSecure system");
        add("100.390.107", "Transaction rejected because cardholder authentication unavailable");
        add("100.390.112", "Technical Error in 3D system");
        add("800.400.200", "Invalid Payer Authentication in 3DSecure transaction");
        add("100.400.000", "transaction declined (Wrong Address)");
        add("100.400.319", "transaction declined by risk system");
        add("100.400.142", "Deny by ReD Shield");
        add("100.380.401", "User Authentication Failed");
        add("800.400.100", "AVS Check Failed");
        // asynchronous workflow
        add("100.395.501", "Previously pending online transfer transaction timed out");
        add("100.395.502", "Acquirer/Bank reported timeout on online transfer transaction");
        add(CANCELLED_BY_USER, "Cancelled by user");
        add("100.396.102", "Not confirmed by user");
        add(PENDING_TIMED_OUT, "Previously pending transaction timed out");
        add("100.396.104", "Uncertain status - probably cancelled by user");
        add("100.397.101", "Cancelled by user due to external update");
        add(REJECTED_BY_EXTERNAL_UPDATE, "Rejected by connector/acquirer due to external update");
        // bank declines
        add("800.100.100", "transaction declined for unknown reason");
        add("800.100.151", "transaction declined (invalid card)");
        add(BANK_DECLINED, "transaction declined by authorization system");
        add("800.100.153", "transaction declined (invalid CVV)");
        add("800.100.154", "transaction declined (transaction marked as invalid)");
        add("800.100.155", "transaction declined (amount exceeds credit)");
        add("800.100.156", "transaction declined (format error)");
        add("800.100.157", "transaction declined (wrong expiry date)");
        add("800.100.158", "transaction declined (suspecting manipulation)");
        add("800.100.159", "transaction declined (stolen card)");
        add("800.100.160", "transaction declined (card blocked)");
        add("800.100.161", "transaction declined (too many invalid tries)");
        add("800.100.162", "transaction declined (limit exceeded)");
        add("800.100.163", "transaction declined (maximum transaction frequency exceeded)");
        add("800.100.164", "transaction declined (merchants limit exceeded)");
        add("800.100.165", "transaction declined (card lost)");
        add("800.100.166", "transaction declined (Incorrect personal identification number)");
        add("800.100.167", "transaction declined (referencing transaction does not match)");
        add("800.100.168", "transaction declined (restricted card)");
        add("800.100.169", "transaction declined (card type is not processed by the authorization center)");
        add("800.100.170", "transaction declined (transaction not permitted)");
        add("800.100.171", "transaction declined (pick up card)");
        add("800.100.172", "transaction declined (account blocked)");
        add("800.100.173", "transaction declined (invalid currency, not processed by authorization center)");
        add("800.100.174", "transaction declined (invalid amount)");
        add("800.100.175", "transaction declined (invalid brand)");
        add("800.100.176", "transaction declined (account temporarily not available. Please try again later)");
        add("800.100.177", "transaction declined (amount field should not be empty)");
        add("800.100.178", "transaction declined (PIN entered incorrectly too often)");
        add("800.100.179", "transaction declined (exceeds withdrawal count limit)");
        add("800.100.500", "Card holder has advised his bank to stop this recurring payment");
        add("800.100.501", "Card holder has advised his bank to stop all recurring payments for this merchant");
        add("800.700.100", "transaction for the same session is currently being processed, please try again later.");
        // risk validation and blacklists
        add("800.110.100", "duplicate transaction");
        add(THROTTLED, "Rejected by Throttling.");
        add(DUPLICATE_TRANSACTION_ID, "Transaction with same TransactionId already exists");
        add("800.200.159", "account or user is blacklisted (card stolen)");
        add("800.300.101", "account or user is blacklisted");
        add("800.300.401", "bin blacklisted");
        // communication errors
        add("900.100.100", "unexpected communication error with connector/acquirer");
        add("900.100.200", "error response from connector/acquirer");
        add(TIMEOUT_UNCERTAIN, "timeout, uncertain result");
        add("900.100.400", "timeout at connectors/acquirer side");
        add("900.100.500", "timeout at connectors/acquirer side (try later)");
        add("900.100.600", "connector/acquirer currently down");
        add("900.300.600", "user session timeout");
        // system errors
        add("800.500.100", "direct debit transaction declined for unknown reason");
        add(
                "800.800.800",
                "The payment system is currenty unavailable, please contact support in case this happens again.");
        add("600.100.100", "Unexpected Integrator Error (Request could not be processed)");
        add("999.999.888", "UNDEFINED PLATFORM DATABASE ERROR");
        add(UNDEFINED_ERROR, "UNDEFINED CONNECTOR/ACQUIRER ERROR");
        // validation: account, registration, format, amount, reference
        add(NO_CARD_NUMBER, "request contains no creditcard, bank account number or bank name");
        add(INVALID_CARD_NUMBER, "invalid creditcard, bank account number or bank name");
        add(INVALID_UNIQUE_ID, "invalid unique id / root unique id");
        add(NO_MONTH, "request contains no month");
        add(INVALID_MONTH, "invalid month");
        add(NO_YEAR, "request contains no year");
        add(INVALID_YEAR, "invalid year");
        add(CARD_EXPIRED, "card expired");
        add(HOLDER_LENGTH, "cc/bank account holder too short or too long");
        add(INVALID_BRAND, "invalid credit card brand");
        add(INVALID_CVV, "invalid CVV/brand combination");
        add(NUMBER_BRAND_MISMATCH, "invalid cc number/brand combination");
        add(INVALID_REGISTRATION_ID, "invalid length for specified registration id (must be 32 chars)");
        add(REGISTRATION_NOT_FOUND, "registration does not exist");
        add(REGISTRATION_DEREGISTERED, "registration is already deregistered");
        add("100.150.300", "payment only allowed with valid initial registration");
        add(SESSION_CLOSED, "referenced session is CLOSED (no action possible)");
        add(AMOUNT_TOO_LOW, "request contains no amount or too low amount");
        add(AMOUNT_FORMAT, "amount format invalid (only two decimals allowed).");
        add(INVALID_CURRENCY, "invalid currency");
        add(INVALID_PARAMETER, "invalid or missing parameter");
        add("200.300.403", "Invalid HTTP method");
        add("600.200.201", "Channel/Merchant not configured for this payment method");
        add("600.200.202", "Channel/Merchant not configured for this payment type");
        add(REFERENCE_NOT_EXISTING, "reference id not existing");
        add(NON_MATCHING_REFERENCE_AMOUNT, "non matching reference amount");
        add(AMOUNT_TOO_LARGE, "invalid amount (probably too large)");
        add(CURRENCY_MISMATCH, "referenced payment currency does not match with requested payment currency");
        add(INAPPROPRIATE_REFERENCE_TYPE, "referenced transaction is of inappropriate type");
        add("700.300.100", "referenced tx can not be refunded, captured or reversed (invalid type)");
        add(REFERENCED_REJECTED, "referenced tx was rejected");
        add(
                ALREADY_PROCESSED,
                "referenced tx can not be refunded, captured or reversed (already refunded, captured or reversed)");
        add(CAPTURE_CUT_OFF, "referenced tx can not be captured (cut off time reached)");
        add(MULTIPLE_CHARGEBACKS, "chargeback error (multiple chargebacks)");
        add(WAS_CHARGEBACKED, "referenced tx can not be refunded or reversed (was chargebacked)");
        add(REVERSAL_NOT_POSSIBLE_ANYMORE, "referenced tx can not be reversed (reversal not possible anymore)");
        add(CANNOT_CAPTURE, "cannot capture (PA value exceeded, PA reverted or invalid workflow?)");
        add(CAPTURE_NOT_SUPPORTED, "cannot capture (Not supported by authorization system)");
        add(CANNOT_REFUND, "cannot refund (refund volume exceeded or tx reversed or invalid workflow?)");
        add(CANNOT_REVERSE, "cannot reverse (already refunded|reversed, invalid workflow or amount exceeded)");
        add(CANNOT_CHARGEBACK, "cannot chargeback (already chargebacked or invalid workflow?)");
        add(
                CHARGEBACK_ALREADY_REVERSED,
                "cannot reversal chargeback (chargeback is already reversaled or invalid workflow?)");
        add(NO_CHARGEBACK_TO_REVERSE, "cannot reversal chargeback (no chargeback existing or invalid workflow?)");
        add(CAPTURE_NEEDS_PA, "capture needs at least one successful transaction of type (PA)");
        add(REFUND_NEEDS_CAPTURE, "refund needs at least one successful transaction of type (CP or DB or RB or RC)");
        add("700.400.530", "reversal needs at least one successful transaction of type (CP or DB or RB or PA)");
        add(CHARGEBACK_NEEDS_CAPTURE, "chargeback needs at least one successful transaction of type (CP or DB or RB)");
        add(
                RECEIPT_NEEDS_PENDING_RECEIPT,
                "receipt needs at least one successful transaction of type (PA or CP or DB or RB)");
        add(REFERENCES_PENDING, "cannot reference a waiting/pending transaction");
        add(TRANSACTION_NOT_FOUND, "cannot find transaction");
        // authentication
        add("800.900.100", "sender authorization failed");
        add(INVALID_AUTHENTICATION, "invalid authentication information");
        add(INSUFFICIENT_RIGHTS, "user authorization failed, user has no sufficient rights to process transaction");
        add("800.900.302", "Authorization failed");
    }

    // The groups below are the regular expressions OPP publishes for its result code families.
    private static final Pattern SUCCESSFUL =
            Pattern.compile("^(000\\.000\\.|000\\.100\\.1|000\\.[36]|000\\.400\\.[1][12]0)");
    private static final Pattern SUCCESSFUL_REVIEW = Pattern.compile("^(000\\.400\\.0[^3]|000\\.400\\.100)");
    private static final Pattern PENDING_CODES = Pattern.compile("^(000\\.200)");
    private static final Pattern PENDING_LONG_TERM = Pattern.compile("^(800\\.400\\.5|100\\.400\\.500)");
    private static final Pattern CHARGEBACK = Pattern.compile("^(000\\.100\\.2)");
    private static final Pattern VALIDATION = Pattern.compile(
            "^(600\\.[23]|500\\.[12]|800\\.121|100\\.[13]50|100\\.250|100\\.360|700\\.[1345][05]0|200\\.[123]"
                    + "|100\\.[53][07]|800\\.900|100\\.[69]00\\.500|100\\.800|100\\.[97]00|100\\.100|100\\.2[01]|100\\.55"
                    + "|100\\.380\\.[23]|100\\.380\\.101|100\\.380\\.305)");

    private GatewayResultCodes() {}

    private static void add(String code, String description) {
        DESCRIPTIONS.put(code, description);
    }

    /** The published description, or a generic one for a well-formed code the sandbox does not list. */
    public static String describe(String code) {
        return DESCRIPTIONS.getOrDefault(code, "transaction declined for unknown reason");
    }

    public static Optional<String> known(String code) {
        return Optional.ofNullable(DESCRIPTIONS.get(code));
    }

    public static Map<String, String> all() {
        return Collections.unmodifiableMap(DESCRIPTIONS);
    }

    public static boolean isSuccessful(String code) {
        return SUCCESSFUL.matcher(code).find()
                || SUCCESSFUL_REVIEW.matcher(code).find();
    }

    public static boolean isPending(String code) {
        return PENDING_CODES.matcher(code).find()
                || PENDING_LONG_TERM.matcher(code).find();
    }

    public static boolean isChargeback(String code) {
        return CHARGEBACK.matcher(code).find();
    }

    /** Validation families are refused with HTTP 400 and never become a transaction. */
    public static boolean isValidation(String code) {
        return VALIDATION.matcher(code).find();
    }
}
