package io.retainbot.core.port;

import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import java.util.Collection;
import java.util.List;

/** The customer file many at a time (page by page for exports, a batch for a broadcast): each customer with their chat identities. */
public interface CustomerPages {
    /** Customers with an id above {@code afterId}, ascending, at most {@code limit}. */
    List<Entry> after(long afterId, int limit);

    /** The customers of these ids that exist, with their identities, in two statements. */
    List<Entry> of(Collection<Long> customerIds);

    record Entry(Customer customer, List<ChannelIdentity> identities) {
        public Entry {
            identities = List.copyOf(identities);
        }
    }
}
