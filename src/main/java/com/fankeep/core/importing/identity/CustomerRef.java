package com.fankeep.core.importing.identity;

/** A customer an import row resolved to: an existing one (id known) or one this import creates (id set on insert). */
public final class CustomerRef {

    private Long id;
    private final boolean created;

    private CustomerRef(Long id, boolean created) {
        this.id = id;
        this.created = created;
    }

    public static CustomerRef existing(long id) {
        return new CustomerRef(id, false);
    }

    public static CustomerRef created() {
        return new CustomerRef(null, true);
    }

    public Long id() {
        return id;
    }

    public void assign(long newId) {
        if (id != null) {
            throw new IllegalStateException("customer already has id " + id);
        }
        id = newId;
    }

    /** True when this import created the customer. */
    public boolean isCreated() {
        return created;
    }

    @Override
    public String toString() {
        return (created ? "new:" : "") + id;
    }
}
