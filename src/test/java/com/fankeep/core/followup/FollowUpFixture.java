package com.fankeep.core.followup;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** A customer or two in a fresh database, and the services over it with "today" fixed. */
final class FollowUpFixture {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private FollowUpFixture() {
    }

    static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
    }

    static CoreServices services(Database db, LocalDate today) {
        return CoreServices.over(db, clockOn(today));
    }

    static long customer(Database db, String name) {
        return db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, name)
                .returning(CUSTOMER.ID).fetchOne().getId());
    }

    static long customerWithBirthday(Database db, String name, Integer year, int month, int day) {
        return db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, name)
                .set(CUSTOMER.BIRTHDAY_YEAR, year == null ? null : year.shortValue())
                .set(CUSTOMER.BIRTHDAY_MONTH, (short) month).set(CUSTOMER.BIRTHDAY_DAY, (short) day)
                .returning(CUSTOMER.ID).fetchOne().getId());
    }
}
