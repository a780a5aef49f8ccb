package com.fankeep.archfixture.core;

/** A service of the fixture: the allowed way in from ui and cli. */
public class CustomerService {
    public String name() {
        return new CustomerRepository().findName();
    }
}
