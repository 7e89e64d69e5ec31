package org.locker.service.collect;

import java.time.Instant;
import java.util.List;
import org.locker.core.collect.CollectRequests.FileView;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.SlotState;
import org.locker.core.collect.CollectRequests.SlotView;

/** The JSON of collect requests: requests, targets, slots and files, people by name. */
final class CollectViewsJson {

    private CollectViewsJson() {}

    /**
     * A target selector as people read it: {@code kind} guardians, students (of {@code classCode}, {@code className})
     * or guardian ({@code name}, with their children {@code context}).
     */
    record TargetJson(String selector, String kind, String classCode, String className, String name, String context) {}

    record RequestJson(
            String id,
            String title,
            String instructions,
            String documentType,
            List<TargetJson> targets,
            String mode,
            Instant deadline,
            String latePolicy,
            List<CollectPeople.Named> staff,
            CollectPeople.Named requester,
            String state,
            Instant publishAt,
            Instant publishedAt,
            int remindDaysBefore,
            Instant remindedAt,
            Instant autoRemindedAt,
            boolean open) {}

    record FileJson(String id, String name, String mimeType, long size, Instant at, String version) {}

    /** A slot as its target sees it: the child named with their class in per-child mode. */
    record MySlotJson(
            String id,
            String childId,
            String child,
            String state,
            Instant handedInAt,
            Instant remindedAt,
            List<FileJson> files) {}

    record ToHandInJson(RequestJson request, List<MySlotJson> slots) {}

    /** A line of the requester's table: the target by name, the child, the class, the state. */
    record RowJson(
            String slotId,
            CollectPeople.Named target,
            String profile,
            String child,
            String classCode,
            String className,
            String state,
            Instant handedInAt,
            Instant remindedAt,
            List<FileJson> files) {}

    record Counts(int handedIn, int late, int missing) {}

    record TableJson(RequestJson request, Counts counts, List<String> classes, List<RowJson> rows) {}

    static RequestJson request(RequestView r, CollectPeople people) {
        return new RequestJson(
                r.id(),
                r.title(),
                r.instructions(),
                r.documentType(),
                r.targets().stream().map(t -> target(t, people)).toList(),
                r.mode().name(),
                r.deadline(),
                r.latePolicy().name(),
                people.named(r.staff()),
                new CollectPeople.Named(r.requester(), people.name(r.requester())),
                r.state().name(),
                r.publishAt().orElse(null),
                r.publishedAt().orElse(null),
                r.remindDaysBefore(),
                r.remindedAt().orElse(null),
                r.autoRemindedAt().orElse(null),
                r.open());
    }

    static TargetJson target(String selector, CollectPeople people) {
        int colon = selector.indexOf(':');
        String kind = colon < 0 ? selector : selector.substring(0, colon);
        String value = colon < 0 ? "" : selector.substring(colon + 1);
        if (kind.equals("user")) {
            String context = people.person(value)
                    .map(p -> String.join(
                            ", ",
                            p.children().stream()
                                    .map(c -> people.child(c.value()))
                                    .toList()))
                    .orElse("");
            return new TargetJson(selector, "guardian", null, null, people.name(value), context);
        }
        return new TargetJson(selector, kind, value, people.className(value), null, null);
    }

    static FileJson file(FileView f) {
        return new FileJson(f.id(), f.name(), f.mimeType(), f.size(), f.at(), f.version());
    }

    static MySlotJson mySlot(SlotView s, CollectPeople people) {
        return new MySlotJson(
                s.id(),
                s.child().orElse(null),
                s.child().map(people::child).orElse(null),
                s.state().name(),
                s.handedInAt().orElse(null),
                s.remindedAt().orElse(null),
                s.files().stream().map(CollectViewsJson::file).toList());
    }

    static RowJson row(SlotView s, CollectPeople people) {
        return new RowJson(
                s.id(),
                new CollectPeople.Named(s.target(), people.name(s.target())),
                people.person(s.target()).map(p -> p.profile().code()).orElse(""),
                s.child().map(people::child).orElse(null),
                s.classCode(),
                s.classCode().isEmpty() ? "" : people.className(s.classCode()),
                s.state().name(),
                s.handedInAt().orElse(null),
                s.remindedAt().orElse(null),
                s.files().stream().map(CollectViewsJson::file).toList());
    }

    static Counts counts(List<SlotView> slots) {
        return new Counts(
                (int) slots.stream()
                        .filter(s -> s.state() == SlotState.HANDED_IN)
                        .count(),
                (int) slots.stream().filter(s -> s.state() == SlotState.LATE).count(),
                (int) slots.stream().filter(s -> s.state() == SlotState.MISSING).count());
    }
}
