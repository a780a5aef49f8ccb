package com.fankeep.core.segment;

import static com.fankeep.core.db.jooq.Tables.FAN_GROUP;
import static com.fankeep.core.db.jooq.Tables.FAN_GROUP_MEMBER;

import org.jooq.Condition;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Who is in a group, for the {@code group} field. The one place that says what "member" means: when groups record a
 * left date (fans-groups), this selects current members only.
 */
final class GroupMembers {

    private GroupMembers() {
    }

    /** Customer ids of the members of the groups passing {@code groupTest}. */
    static Select<Record1<Long>> current(Condition groupTest) {
        return DSL.select(FAN_GROUP_MEMBER.CUSTOMER_ID).from(FAN_GROUP_MEMBER).join(FAN_GROUP)
                .on(FAN_GROUP.ID.eq(FAN_GROUP_MEMBER.GROUP_ID)).where(groupTest).and(FAN_GROUP_MEMBER.LEFT_AT.isNull());
    }
}
