package com.fankeep.core.tier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes small Shopify order exports for tier tests: buyers from a fixed pool (so imports meet earlier customers),
 * several currencies (one without a rate), paid, refunded, partly refunded and unpaid orders spread over about two
 * years before "today", and now and then an earlier order again with a new status (an updated order).
 */
public final class ShopifyOrders {

    static final String HEADER = "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Total,Created at,"
            + "Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Refunded Amount";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");
    private static final String[] CURRENCIES = {"CNY", "CNY", "CNY", "USD", "EUR", "KRW"};

    private final RandomGenerator random;
    private final ZonedDateTime today;
    private final int buyers;
    private final List<String> written = new ArrayList<>();
    private int next = 1;

    public ShopifyOrders(RandomGenerator random, ZonedDateTime today, int buyers) {
        this.random = random;
        this.today = today;
        this.buyers = buyers;
    }

    public Path write(Path file, int orders) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        java.util.Set<String> inFile = new java.util.HashSet<>();
        for (int i = 0; i < orders; i++) {
            String no = !written.isEmpty() && random.nextInt(6) == 0 ? written.get(random.nextInt(written.size())) : "#T" + next++;
            if (!inFile.add(no)) {
                continue;
            }
            if (!written.contains(no)) {
                written.add(no);
            }
            int seq = Integer.parseInt(no.substring(2));
            int buyer = (int) Math.floor(Math.pow(new java.util.SplittableRandom(seq).nextDouble(), 2) * buyers);
            String currency = CURRENCIES[Math.floorMod(seq * 7, CURRENCIES.length)];
            ZonedDateTime at = today.minusMinutes(new java.util.SplittableRandom(seq * 31L).nextLong(800L * 24 * 60));
            int amount = 20 + random.nextInt(1500);
            String status = switch (random.nextInt(10)) {
                case 0 -> "pending";
                case 1 -> "refunded";
                case 2 -> "partially_refunded";
                default -> "paid";
            };
            String refunded = status.equals("partially_refunded") ? (amount / 3) + ".00" : "0.00";
            sb.append(no).append(",buyer").append(buyer).append("@example.com,").append(status).append(',')
                    .append(status.equals("pending") ? "" : at.plusMinutes(1).format(TIME)).append(",fulfilled,")
                    .append(currency).append(',').append(amount).append(".00,").append(at.format(TIME)).append(",1,Mug,")
                    .append(amount).append(".00,Buyer ").append(buyer).append(',').append(refunded).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }
}
