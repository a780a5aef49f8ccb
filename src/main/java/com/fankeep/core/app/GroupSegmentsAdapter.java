package com.fankeep.core.app;

import com.fankeep.core.group.GroupSegments;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Groups' view of segments: a saved segment's name or a rule, evaluated by the segment service. */
final class GroupSegmentsAdapter {

    private GroupSegmentsAdapter() {
    }

    // TEMPORARY until feat/fans-segments is merged: segments cannot be evaluated yet.
    static GroupSegments over() {
        return new GroupSegments() {
            @Override
            public void check(String segment) {
                throw new UnsupportedOperationException("segments not merged yet");
            }

            @Override
            public Set<Long> matching(String segment, Collection<Long> customerIds) {
                throw new UnsupportedOperationException("segments not merged yet");
            }

            @Override
            public List<Long> members(String segment) {
                throw new UnsupportedOperationException("segments not merged yet");
            }
        };
    }
}
