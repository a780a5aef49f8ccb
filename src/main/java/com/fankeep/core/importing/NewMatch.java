package com.fankeep.core.importing;

import com.fankeep.core.importing.identity.CustomerRef;

/** Why an imported row went to a customer (customer_match), shown on the customer. */
record NewMatch(CustomerRef customer, String matchedBy, String value, long row) {
}
