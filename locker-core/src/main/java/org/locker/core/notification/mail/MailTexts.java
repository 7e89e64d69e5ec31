package org.locker.core.notification.mail;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.locker.core.directory.Person;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationKind;

/**
 * Writes the mails in the person's language from the bundles {@code MailTexts(_fr).properties}: titles, who did
 * it, and links to the web app (the base URL and the notification's route), never a document's content or a
 * message's text, which only the platform's permissions give access to.
 */
public final class MailTexts {

    private final String baseUrl;

    /** @param baseUrl the address people reach the web app at ({@code locker.mail.base-url}) */
    public MailTexts(String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl.strip();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    OutgoingMail immediate(Person person, String language, Notification item) {
        ResourceBundle texts = bundle(language);
        String subject = format(texts, language, "immediate.subject." + item.kind(), oneLine(item.title()));
        StringBuilder body = new StringBuilder();
        body.append(format(texts, language, "greeting", person.firstName())).append("\n\n");
        body.append(format(texts, language, "immediate.intro." + item.kind())).append("\n\n");
        line(body, texts, language, item);
        body.append('\n').append(footer(texts, language));
        return new OutgoingMail(person.email(), person.displayName(), subject, body.toString(), language);
    }

    OutgoingMail digest(Person person, String language, MailChannel channel, List<DigestGroup> groups) {
        ResourceBundle texts = bundle(language);
        List<Notification> all =
                groups.stream().flatMap(g -> g.items().stream()).distinct().toList();
        String subject = format(texts, language, "digest.subject." + channel, counts(texts, language, all));
        StringBuilder body = new StringBuilder();
        body.append(format(texts, language, "greeting", person.firstName())).append("\n\n");
        body.append(format(texts, language, "digest.intro." + channel)).append("\n");
        for (DigestGroup group : groups) {
            body.append('\n');
            String heading = group.heading().isEmpty()
                    ? (person.children().isEmpty()
                            ? format(
                                    texts,
                                    language,
                                    "kind." + group.items().get(0).kind())
                            : format(texts, language, "digest.others"))
                    : group.heading();
            body.append(format(texts, language, "digest.group", heading, counts(texts, language, group.items())))
                    .append('\n');
            for (Notification item : group.items()) {
                line(body, texts, language, item);
            }
        }
        body.append('\n').append(footer(texts, language));
        return new OutgoingMail(person.email(), person.displayName(), subject, body.toString(), language);
    }

    /** "2 documents, 1 reply", in the order of the kinds. */
    private static String counts(ResourceBundle texts, String language, List<Notification> items) {
        Map<NotificationKind, Integer> counts = new EnumMap<>(NotificationKind.class);
        items.forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(format(texts, language, "count." + kind, n)));
        return String.join(", ", parts);
    }

    private void line(StringBuilder body, ResourceBundle texts, String language, Notification item) {
        body.append("- ").append(oneLine(item.title()));
        if (!item.actor().isBlank()) {
            body.append(" (").append(oneLine(item.actor())).append(')');
        }
        body.append("\n  ").append(link(item.link())).append('\n');
    }

    private String footer(ResourceBundle texts, String language) {
        return "--\n" + format(texts, language, "footer", baseUrl + "/#/preferences");
    }

    /** The web app's address of a route ({@code #/locker/...}). */
    String link(String route) {
        if (route.isEmpty()) {
            return baseUrl + "/";
        }
        return baseUrl + (route.startsWith("/") ? route : "/" + route);
    }

    /** Titles are text from people: one line, no control characters (a subject is a header). */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static String format(ResourceBundle texts, String language, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), Locale.forLanguageTag(language)).format(arguments);
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(
                MailTexts.class.getName(),
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
