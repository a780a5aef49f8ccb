package com.fankeep.core.importing;

import com.fankeep.core.importing.identity.CustomerRef;

/** A contact channel an import adds. */
record NewChannel(CustomerRef customer, String kind, String platform, String raw, String normalized, boolean primary,
                  boolean masked, boolean mergeKey) {
}
