package com.fankeep.archfixture.core;

/** A repository of the fixture (owns SQL; only services may use it). */
public class CustomerRepository {
    public String findName() {
        return "张三";
    }
}
