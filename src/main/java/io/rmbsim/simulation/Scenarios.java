package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.simulation.StreamGenerator.Flow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The built-in scenarios and their calibration.
 * <ul>
 * <li>{@code harbin-ftz-2021h1}: the seeded Harbin network over the business days of January-June
 * 2021; trade settlement worth exactly 2.75 bn CNY (customs figure for the Harbin area of the FTZ),
 * of which exactly 294 m CNY has a Russian agent on one side (trade with Russia); 6,000 payments:
 * 1,500 between the Russian banks and Chinese direct participants (both ways), 4,500 among the
 * other direct participants and their non-Russian indirect participants.</li>
 * <li>{@code cips-2023-day}: CIPS at its 2023 scale: 139 direct and 1,345 indirect participants,
 * 25,900 payments worth RMB 482.6 bn in one business day.</li>
 * <li>{@code cips-2023-year}: the same network over 255 business days of 2023: 6.61 M payments,
 * RMB 123.06 tn.</li>
 * </ul>
 * Values are heavy-tailed (a payment can be about a thousand times the mean), arrivals follow the
 * day session's morning and afternoon peaks, 5 % of payments are HIGH priority; all from the seed.
 */
public final class Scenarios {

    public static final Set<String> NAMES = Set.of("harbin-ftz-2021h1", "cips-2023-day", "cips-2023-year");

    public static final long HARBIN_TOTAL_FEN = 275_000_000_000L;   // 2.75 bn CNY
    public static final long HARBIN_RUSSIA_FEN = 29_400_000_000L;   // 294 m CNY
    static final long CIPS_DAY_FEN = 48_260_000_000_000L;           // RMB 482.6 bn
    static final long CIPS_YEAR_FEN = 12_306_000_000_000_000L;      // RMB 123.06 tn
    static final int CIPS_DIRECT = 139;
    static final int CIPS_INDIRECT = 1_345;

    private Scenarios() {
    }

    /**
     * The Harbin scenario on a network given as participants (the seeded directory): Russian
     * participants are those with country RU, recognised by their BIC.
     */
    public static PaymentStream harbin(long seed, List<PaymentStream.Participant> network) {
        List<Integer> russian = new ArrayList<>();
        List<Integer> chineseDirect = new ArrayList<>();
        List<Integer> otherForeign = new ArrayList<>();
        for (int i = 0; i < network.size(); i++) {
            String country = network.get(i).bic().substring(4, 6);
            if (country.equals("RU")) {
                russian.add(i);
            } else if (network.get(i).direct()) {
                chineseDirect.add(i);
            } else {
                otherForeign.add(i);
            }
        }
        if (russian.isEmpty() || chineseDirect.size() < 2) {
            throw new IllegalArgumentException("the Harbin scenario needs Russian participants and Chinese direct ones");
        }
        List<Integer> domestic = new ArrayList<>(chineseDirect);
        domestic.addAll(otherForeign);
        List<LocalDate> days = BusinessCalendar.PHASE_II.businessDays(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30), 500);
        Flow withRussia = new Flow(1_500, HARBIN_RUSSIA_FEN, r -> {
            int ru = russian.get(r.nextInt(russian.size()));
            int cn = chineseDirect.get(r.nextInt(chineseDirect.size()));
            return r.nextBoolean() ? pair(ru, cn) : pair(cn, ru);
        });
        Flow others = new Flow(4_500, HARBIN_TOTAL_FEN - HARBIN_RUSSIA_FEN, r -> {
            int from = chineseDirect.get(r.nextInt(chineseDirect.size()));
            int to;
            do {
                to = domestic.get(r.nextInt(domestic.size()));
            } while (to == from);
            return r.nextBoolean() ? pair(from, to) : pair(to, from);
        });
        return new StreamGenerator(seed, BusinessCalendar.PHASE_II).generate(network, days, List.of(withRussia, others));
    }

    public static PaymentStream cipsDay(long seed) {
        List<PaymentStream.Participant> network = cipsNetwork(seed);
        return new StreamGenerator(seed, BusinessCalendar.PHASE_II).generate(network,
                List.of(LocalDate.of(2023, 6, 15)), List.of(new Flow(25_900, CIPS_DAY_FEN, skewedPairs(network.size()))));
    }

    public static PaymentStream cipsYear(long seed) {
        List<PaymentStream.Participant> network = cipsNetwork(seed);
        List<LocalDate> days = BusinessCalendar.PHASE_II.businessDays(LocalDate.of(2023, 1, 2), LocalDate.of(2023, 12, 31), 255);
        return new StreamGenerator(seed, BusinessCalendar.PHASE_II).generate(network, days,
                List.of(new Flow(6_610_000, CIPS_YEAR_FEN, skewedPairs(network.size()))));
    }

    /** 139 direct participants and 1,345 indirect ones; big agents have more indirect participants. */
    static List<PaymentStream.Participant> cipsNetwork(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED);
        String[] countries = {"RU", "KZ", "MN", "SG", "HK", "GB", "DE", "AE", "BR", "ZA", "TH", "MY", "VN", "UZ", "KG"};
        List<PaymentStream.Participant> network = new ArrayList<>();
        for (int i = 0; i < CIPS_DIRECT; i++) {
            network.add(new PaymentStream.Participant(bic('D', i, "CN"), true, i));
        }
        for (int i = 0; i < CIPS_INDIRECT; i++) {
            int agent = Math.min(random.nextInt(CIPS_DIRECT), random.nextInt(CIPS_DIRECT));
            network.add(new PaymentStream.Participant(bic('I', i, countries[random.nextInt(countries.length)]), false, agent));
        }
        return network;
    }

    /** Payments concentrate on the first (biggest) participants: each side is the smaller of two draws. */
    private static StreamGenerator.PairPicker skewedPairs(int participants) {
        return r -> {
            int from = Math.min(r.nextInt(participants), r.nextInt(participants));
            int to;
            do {
                to = Math.min(r.nextInt(participants), r.nextInt(participants));
            } while (to == from);
            return pair(from, to);
        };
    }

    /** An illustrative test BIC (location code ending in 0): letter, three letters from the index, country. */
    private static String bic(char kind, int index, String country) {
        char a = (char) ('A' + index / 676 % 26);
        char b = (char) ('A' + index / 26 % 26);
        char c = (char) ('A' + index % 26);
        return "" + kind + a + b + c + country + "Z0XXX";
    }

    private static long pair(int debtor, int creditor) {
        return ((long) debtor << 32) | creditor;
    }
}
