package io.retainbot.core.outreach;

/**
 * Who changes outreach: a staff member signed in to the console (by id, with their name at the time), or
 * whoever holds the REST API's admin token.
 */
public record ChangedBy(Long staffId, String name) {
    /** A change made through the REST API with the admin token: no staff member is known. */
    public static final ChangedBy ADMIN_TOKEN = new ChangedBy(null, null);

    public ChangedBy {
        if ((staffId == null) != (name == null)) {
            throw new IllegalArgumentException("a staff member has both an id and a name; the admin token neither");
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a staff member's name is not blank");
        }
    }

    public static ChangedBy staff(long staffId, String name) {
        return new ChangedBy(staffId, name);
    }

    public boolean isAdminToken() {
        return staffId == null;
    }
}
