package io.retainbot.core.reaction;

import io.retainbot.core.complaint.ComplaintPhotosAdded;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/**
 * Shows staff the photos a customer gave for a complaint, under its ping (a reply on Telegram, its thread on
 * Discord), once the ping is out: those of a new complaint right after its ping, those added later as they
 * come. The ping itself only counts the files.
 */
public final class ShowPhotosToStaff implements Reaction {
    public static final String NAME = "show_photos_to_staff";

    private final StaffChats staffChats;

    public ShowPhotosToStaff(StaffChats staffChats) {
        this.staffChats = staffChats;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ComplaintPhotosAdded added && !added.photos().isEmpty();
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        ComplaintPhotosAdded added = (ComplaintPhotosAdded) recorded.event();
        session.complaints().find(added.ref()).ifPresent(complaint ->
                staffChats.showPhotos(session, complaint, added.photos(), added.atFiling(), now));
    }
}
