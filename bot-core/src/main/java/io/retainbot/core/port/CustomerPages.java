package io.retainbot.core.port;

import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import java.util.List;

/** The whole customer file page by page, for exports: each customer with their chat identities. */
public interface CustomerPages {
    /** Customers with an id above {@code afterId}, ascending, at most {@code limit}. */
    List<Entry> after(long afterId, int limit);

    record Entry(Customer customer, List<ChannelIdentity> identities) {
        public Entry {
            identities = List.copyOf(identities);
        }
    }
}
