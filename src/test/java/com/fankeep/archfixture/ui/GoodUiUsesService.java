package com.fankeep.archfixture.ui;

import com.fankeep.archfixture.core.CustomerService;

/** Allowed: ui calls a service. */
public class GoodUiUsesService {
    String name() {
        return new CustomerService().name();
    }
}
