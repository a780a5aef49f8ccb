package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.importing.identity.IdentityIndex;
import com.fankeep.core.importing.identity.IdentityKey;
import com.fankeep.core.importing.identity.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityIndexTest {

    @Test
    void aKeyTwoStoredCustomersShareFindsTheLowestIdInWhateverOrderTheKeysAreRead() {
        for (long[] order : new long[][] {{5, 9}, {9, 5}}) {
            IdentityIndex index = new IdentityIndex();
            index.addExisting(IdentityKey.mobile("+8613900139000"), order[0]);
            index.addExisting(IdentityKey.mobile("+8613900139000"), order[1]);
            assertThat(index.resolve(List.of(IdentityKey.mobile("+8613900139000"))).customer().id()).isEqualTo(5L);
        }
    }

    @Test
    void theSameMobileWrittenAcrossFilesIsOnePerson() {
        IdentityIndex index = new IdentityIndex();
        Resolution first = index.resolve(List.of(IdentityKey.account("taobao", "喆喆的小店"), IdentityKey.mobile("+8613800138000")));
        Resolution second = index.resolve(List.of(IdentityKey.account("shopify", "wang.zhe@example.com"),
                IdentityKey.mobile("+8613800138000")));
        assertThat(first.isNew()).isTrue();
        assertThat(second.isNew()).isFalse();
        assertThat(second.customer()).isSameAs(first.customer());
        assertThat(second.matchedBy()).isEqualTo(IdentityKey.mobile("+8613800138000"));
    }

    @Test
    void platformAccountIsTrustedBeforeMobileAndAConflictIsReportedNotMerged() {
        IdentityIndex index = new IdentityIndex();
        index.addExisting(IdentityKey.account("taobao", "小林"), 1);
        index.addExisting(IdentityKey.mobile("+8613900139000"), 2);
        Resolution r = index.resolve(List.of(IdentityKey.mobile("+8613900139000"), IdentityKey.account("taobao", "小林")));
        assertThat(r.customer().id()).isEqualTo(1L);
        assertThat(r.matchedBy().kind()).isEqualTo(IdentityKey.Kind.PLATFORM_ACCOUNT);
        assertThat(r.conflicts()).hasSize(1);
        assertThat(r.conflicts().get(0).other().id()).isEqualTo(2L);
    }

    @Test
    void aBuyerWithoutKeysIsAlwaysSomeoneNew() {
        IdentityIndex index = new IdentityIndex();
        Resolution a = index.resolve(List.of());
        Resolution b = index.resolve(List.of());
        assertThat(a.customer()).isNotSameAs(b.customer());
        assertThat(a.isNew()).isTrue();
    }

    @Test
    void emailsMatchCaseInsensitively() {
        IdentityIndex index = new IdentityIndex();
        index.addExisting(IdentityKey.email("Alice@Example.com"), 7);
        assertThat(index.resolve(List.of(IdentityKey.email(" alice@example.COM"))).customer().id()).isEqualTo(7L);
    }
}
