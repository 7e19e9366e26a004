package io.rmbsim;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh identifiers, so that tests sharing one seeded store never trip over each other's data. */
public final class TestData {

    public static final String HARBIN = "HCCBCNBHXXX";
    public static final String BANK_OF_CHINA = "BKCHCNBJXXX";

    private TestData() {
    }

    /** A test BIC11 (location code ending in 0) that no other test uses. */
    public static String newBic(String country) {
        StringBuilder bank = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            bank.append((char) ('A' + random.nextInt(26)));
        }
        char location = (char) ('A' + random.nextInt(26));
        String branch = String.format("%03d", random.nextInt(1000));
        return bank + country + location + "0" + branch;
    }

    public static Map<String, Object> direct(String bic, String country) {
        Map<String, Object> body = new HashMap<>();
        body.put("bic", bic);
        body.put("name", "Test Direct Bank " + bic);
        body.put("country", country);
        body.put("participation", "DIRECT");
        body.put("institutionType", "BANK");
        return body;
    }

    public static Map<String, Object> indirect(String bic, String country, String agent) {
        Map<String, Object> body = new HashMap<>();
        body.put("bic", bic);
        body.put("name", "Test Indirect Bank " + bic);
        body.put("country", country);
        body.put("participation", "INDIRECT");
        body.put("settlementAgent", agent);
        body.put("institutionType", "BANK");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    public static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
