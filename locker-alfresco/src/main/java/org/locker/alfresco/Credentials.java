package org.locker.alfresco;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How one REST call authenticates: the service account's Basic credentials, or a user's Alfresco ticket
 * (sent as {@code Authorization: Basic base64(ticket)}, which Alfresco reads as a ticket because it has no
 * user-name part; kept out of URLs so that tickets do not end up in access logs).
 */
sealed interface Credentials {

    String authorization();

    record Basic(String user, char[] password) implements Credentials {
        @Override
        public String authorization() {
            String pair = user + ":" + new String(password);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[" + user + "]";
        }
    }

    record Ticket(String ticket) implements Credentials {
        @Override
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString(ticket.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Ticket[...]";
        }
    }
}
