package io.retainbot.core.customer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is stored about one customer, in a few lines (for {@code /mydata}): the personal fields that are
 * set, the chats they are known on, and how many complaints and logged messages there are.
 *
 * @param chats the platforms of their chats, one entry per chat (for example telegram, web)
 */
public record DataSummary(String name, String phone, String email, String company, Birthday birthday,
                          List<String> chats, int complaints, int openComplaints, int messages, int tags,
                          boolean consentGranted, Instant customerSince) {
    public DataSummary {
        name = Objects.requireNonNullElse(name, "");
        phone = Objects.requireNonNullElse(phone, "");
        email = Objects.requireNonNullElse(email, "");
        company = Objects.requireNonNullElse(company, "");
        chats = List.copyOf(chats);
        Objects.requireNonNull(customerSince, "customerSince");
    }
}
