package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StaffStoreIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2026-11-23T06:20:00Z");

    private final Transactor transactor = db.database().transactor();

    @BeforeEach
    void noStaff() {
        db.truncateAll();
    }

    @Test
    void findsStaffByTheChatsTheyWorkFrom() {
        StaffMember mina = add("Mina", StaffRole.SUPERVISOR);
        boolean linked = transactor.inTransaction(session ->
                session.staff().link(mina.id(), new StaffIdentity(Platform.TELEGRAM, "777", "777")));

        Optional<StaffMember> found = transactor.inTransaction(session ->
                session.staff().findByIdentity(Platform.TELEGRAM, "777"));

        assertThat(linked).isTrue();
        assertThat(found).map(StaffMember::name).contains("Mina");
        assertThat(found.orElseThrow().role()).isEqualTo(StaffRole.SUPERVISOR);
        assertThat(found.orElseThrow().identities()).containsExactly(new StaffIdentity(Platform.TELEGRAM, "777", "777"));
    }

    @Test
    void aPlatformUserWorksAsOneStaffMemberOnly() {
        StaffMember mina = add("Mina", StaffRole.AGENT);
        StaffMember jun = add("Jun", StaffRole.AGENT);
        transactor.runInTransaction(session ->
                session.staff().link(mina.id(), new StaffIdentity(Platform.DISCORD, "42", "900")));

        boolean stolen = transactor.inTransaction(session ->
                session.staff().link(jun.id(), new StaffIdentity(Platform.DISCORD, "42", "901")));

        assertThat(stolen).isFalse();
        Optional<StaffMember> owner = transactor.inTransaction(session ->
                session.staff().findByIdentity(Platform.DISCORD, "42"));
        assertThat(owner).map(StaffMember::id).contains(mina.id());
    }

    @Test
    void listsOnlyActiveStaffWhenAsked() {
        StaffMember mina = add("Mina", StaffRole.AGENT);
        add("Jun", StaffRole.MARKETER);
        transactor.runInTransaction(session -> session.staff().setActive(mina.id(), false));

        List<StaffMember> active = transactor.inTransaction(session -> session.staff().list(true));
        List<StaffMember> everyone = transactor.inTransaction(session -> session.staff().list(false));

        assertThat(active).extracting(StaffMember::name).containsExactly("Jun");
        assertThat(everyone).extracting(StaffMember::name).containsExactly("Jun", "Mina");
        assertThat(everyone.get(1).active()).isFalse();
    }

    private StaffMember add(String name, StaffRole role) {
        return transactor.inTransaction(session -> session.staff().add(name, role, NOW));
    }
}
