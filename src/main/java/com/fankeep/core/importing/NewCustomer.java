package com.fankeep.core.importing;

import com.fankeep.core.importing.identity.CustomerRef;

/** A customer an import creates. */
record NewCustomer(CustomerRef ref, String name, String province, String city, Integer birthdayYear,
                   Integer birthdayMonth, Integer birthdayDay, String note) {
}
