package com.fankeep.testing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;

import com.fankeep.core.db.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A known customer, and a byte search for their phone and name in files (encryption tests). */
public final class PlainText {

    public static final String PHONE = "13812345678";
    public static final String NAME = "Zhang Sanfeng 张三丰";

    private PlainText() {
    }

    public static void addCustomer(Database db, String name, String phone) {
        db.transaction(dsl -> {
            long id = dsl.insertInto(CUSTOMER, CUSTOMER.NAME).values(name).returning(CUSTOMER.ID).fetchOne().getId();
            dsl.insertInto(CONTACT_CHANNEL, CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE)
                    .values(id, "phone", phone).execute();
        });
    }

    /** True when the UTF-8 bytes of {@code text} occur anywhere in {@code file}. */
    public static boolean contains(Path file, String text) throws IOException {
        byte[] data = Files.readAllBytes(file);
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
