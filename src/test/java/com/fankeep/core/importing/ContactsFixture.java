package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_MATCH;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.IMPORT_PROBLEM;
import static com.fankeep.core.db.jooq.Tables.MERGE_SUGGESTION;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.jooq.tables.records.ContactChannelRecord;
import com.fankeep.core.db.jooq.tables.records.CustomerRecord;
import java.nio.file.Path;
import java.util.List;

/** What the contact-list golden tests look at in the database. */
final class ContactsFixture {

    static final Path VCARD21 = Path.of("sample-data/contacts/android_contacts_vcard21.vcf");
    static final Path VCARD30 = Path.of("sample-data/contacts/iphone_contacts_vcard30.vcf");
    static final Path GOOGLE = Path.of("sample-data/contacts/google_contacts.csv");
    static final Path OUTLOOK = Path.of("sample-data/contacts/outlook_contacts.csv");
    static final Path SHEET = Path.of("sample-data/spreadsheet/老客户名单.xlsx");

    private ContactsFixture() {
    }

    /** The one customer of this name (fails when there are none or several). */
    static CustomerRecord customer(Database db, String name) {
        List<CustomerRecord> found = db.dsl().selectFrom(CUSTOMER).where(CUSTOMER.NAME.eq(name)).fetch();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " customers named " + name);
        }
        return found.get(0);
    }

    static int customers(Database db, String name) {
        return db.dsl().fetchCount(CUSTOMER, CUSTOMER.NAME.eq(name));
    }

    /** Normalized values of a customer's channels of a kind, in insertion order. */
    static List<String> channels(Database db, String name, String kind) {
        return db.dsl().select(CONTACT_CHANNEL.NORMALIZED_VALUE).from(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(customer(db, name).getId()).and(CONTACT_CHANNEL.KIND.eq(kind)))
                .orderBy(CONTACT_CHANNEL.ID).fetch(0, String.class);
    }

    static List<ContactChannelRecord> channelRecords(Database db, String name, String kind) {
        return db.dsl().selectFrom(CONTACT_CHANNEL)
                .where(CONTACT_CHANNEL.CUSTOMER_ID.eq(customer(db, name).getId()).and(CONTACT_CHANNEL.KIND.eq(kind)))
                .orderBy(CONTACT_CHANNEL.ID).fetch();
    }

    /** Counts of everything an import writes: equal before and after a re-import that changes nothing. */
    static String fingerprint(Database db) {
        return db.dsl().fetchCount(CUSTOMER) + "/" + db.dsl().fetchCount(CONTACT_CHANNEL) + "/" + db.dsl().fetchCount(IMPORT_BATCH)
                + "/" + db.dsl().fetchCount(CUSTOMER_MATCH) + "/" + db.dsl().fetchCount(IMPORT_PROBLEM) + "/"
                + db.dsl().fetchCount(MERGE_SUGGESTION) + "/"
                + db.dsl().select(CUSTOMER.NAME, CUSTOMER.BIRTHDAY_MONTH, CUSTOMER.NOTE).from(CUSTOMER).orderBy(CUSTOMER.ID).fetch().formatCSV();
    }
}
