package io.retainbot.core.staff;

import java.util.Locale;

/** What a staff member does: agents answer customers, supervisors oversee, marketers reach out, admins configure. */
public enum StaffRole {
    AGENT,
    SUPERVISOR,
    MARKETER,
    ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StaffRole fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
