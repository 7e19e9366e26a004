package io.rmbsim.web;

import static io.rmbsim.Api.invalidField;
import static io.rmbsim.Api.postRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.rmbsim.Payments;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Money and whole numbers only as the contract writes them: an amount is a JSON string, never a JSON
 * number; a seed, a page size or a number of minutes is an integer, never a fraction, an exponent or a
 * string; a number never passes through binary floating point on its way in. Each refusal is a 400
 * naming the field, in the service's own words.
 */
@QuarkusTest
class StrictNumbersTest {

    private static final String SIMULATIONS = "/api/v1/simulations";

    @Test
    void aPaymentWhoseAmountIsAJsonNumberIsRefusedNamingTheAmount() {
        String debtor = Payments.newDirect();
        String creditor = Payments.newDirect();
        for (String amount : new String[] {"125000.00", "125000", "1.00000000000000001", "1e5"}) {
            ownWords(invalidField(postRaw("/api/v1/payments", "{\"uetr\":\"" + UUID.randomUUID() + "\",\"endToEndId\":\"E2E-NUM\","
                    + "\"debtorAgent\":\"" + debtor + "\",\"creditorAgent\":\"" + creditor + "\",\"amount\":" + amount
                    + ",\"currency\":\"CNY\"}"), "amount"));
        }
        assertThat(io.rmbsim.Api.get("/api/v1/payments?debtorAgent=" + debtor).extract().<Integer>path("total")).isZero();
    }

    @Test
    void liquidityGivenAsAJsonNumberIsRefusedAndMovesNothing() {
        String bank = Payments.newDirect();
        for (String amount : new String[] {"1.00000000000000001", "1", "1.0", "5E2"}) {
            ownWords(invalidField(postRaw("/api/v1/accounts/" + bank + "/liquidity",
                    "{\"direction\":\"IN\",\"amount\":" + amount + ",\"currency\":\"CNY\",\"reference\":\"NUM\"}"), "amount"));
        }
        assertThat(Payments.balance(bank)).isEqualTo("0.00");
    }

    @Test
    void aSimulationSeedMustBeAWholeNumberWrittenAsOne() {
        for (String seed : new String[] {"1.9", "1e3", "1.0", "1.00000000000000001", "\"42\"", "true"}) {
            ownWords(invalidField(postRaw(SIMULATIONS, "{\"scenario\":\"harbin-ftz-2021h1\",\"seed\":" + seed
                    + ",\"modes\":[\"RTGS\"]}"), "seed"))
                    .body("errors.find { it.field == 'seed' }.message", containsString("whole number"));
        }
        // beyond the range of a whole number: still the field, never the parser's text
        ownWords(invalidField(postRaw(SIMULATIONS, "{\"scenario\":\"harbin-ftz-2021h1\",\"seed\":99999999999999999999999,"
                + "\"modes\":[\"RTGS\"]}"), "seed"));
    }

    @Test
    void simulationMinutesMustBeWholeNumbers() {
        for (String field : new String[] {"dnsCycleMinutes", "lsmIntervalMinutes"}) {
            for (String value : new String[] {"30.5", "3e1", "30.0"}) {
                ownWords(invalidField(postRaw(SIMULATIONS, "{\"scenario\":\"harbin-ftz-2021h1\",\"seed\":1,\"modes\":[\"DNS\"],\""
                        + field + "\":" + value + "}"), field));
            }
        }
    }

    @Test
    void simulationAmountsAreStringsInPaymentsParticipantsAndLiquidityMaps() {
        String payment = "{\"time\":\"2021-03-01T09:00:00+08:00\",\"debtorAgent\":\"XAAACNX0\",\"creditorAgent\":\"YAAACNX0\",\"amount\":";
        ownWords(invalidField(postRaw(SIMULATIONS, "{\"seed\":1,\"modes\":[\"RTGS\"],\"payments\":[" + payment + "\"1.00\"}," + payment
                + "2.00}]}"), "payments[1].amount"));
        ownWords(invalidField(postRaw(SIMULATIONS, "{\"seed\":1,\"modes\":[\"RTGS\"],\"payments\":[" + payment + "\"1.00\"}],"
                + "\"participants\":[{\"bic\":\"XAAACNX0\",\"participation\":\"DIRECT\",\"liquidity\":100.00}]}"), "participants[0].liquidity"));
        ownWords(invalidField(postRaw(SIMULATIONS, "{\"seed\":1,\"modes\":[\"RTGS\"],\"payments\":[" + payment + "\"1.00\"}],"
                + "\"liquidity\":{\"XAAACNX0\":1000000}}"), "liquidity.XAAACNX0"));
    }

    @Test
    void aLiquidityFractionIsReadExactlyNotRoundedToOne() {
        // 1.00000000000000001 is more than 1: in binary floating point it was 1.0 and ran at the upper bound
        for (String fraction : new String[] {"1.00000000000000001", "0.50000000000000001", "1e400"}) {
            ownWords(invalidField(postRaw(SIMULATIONS, "{\"scenario\":\"harbin-ftz-2021h1\",\"seed\":1,\"modes\":[\"RTGS\"],"
                    + "\"liquidity\":" + fraction + "}"), "liquidity"));
        }
        for (String sweep : new String[] {"[0, 1.00000000000000001]", "[0.1234567]"}) {
            ownWords(invalidField(postRaw(SIMULATIONS, "{\"scenario\":\"harbin-ftz-2021h1\",\"seed\":1,\"modes\":[\"RTGS\"],"
                    + "\"sweep\":" + sweep + "}"), "sweep"));
        }
    }

    @Test
    void listPagesAreWholeNumbers() {
        for (String page : new String[] {"1.5", "1e1", "0x10"}) {
            ownWords(invalidField(io.rmbsim.Api.get("/api/v1/payments?page=" + page), "page"));
        }
    }

    /** The problem speaks the service's words, not Jackson's or the JDK's. */
    static ValidatableResponse ownWords(ValidatableResponse problem) {
        for (String internal : new String[] {"Cannot coerce", "Numeric value", "out of range of", "com.fasterxml", "java.",
                "Exception", "deserialize", "[Source:", "line: "}) {
            problem.body(not(containsString(internal)));
        }
        return problem;
    }
}
