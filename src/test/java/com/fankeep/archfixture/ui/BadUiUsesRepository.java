package com.fankeep.archfixture.ui;

import com.fankeep.archfixture.core.CustomerRepository;

/** Planted violation: ui must go through a service. */
public class BadUiUsesRepository {
    String name() {
        return new CustomerRepository().findName();
    }
}
