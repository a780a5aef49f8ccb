package com.fankeep.archfixture.cli;

import com.fankeep.archfixture.core.CustomerRepository;

/** Planted violation: cli must go through a service. */
public class BadCliUsesRepository {
    String name() {
        return new CustomerRepository().findName();
    }
}
