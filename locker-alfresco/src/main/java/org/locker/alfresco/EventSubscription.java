package org.locker.alfresco;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JMS consumer (ActiveMQ Classic, OpenWire) on Alfresco's event topic. The subscription is not durable:
 * events published while the service is down are lost, which the start-up and periodic reconcile make up for.
 *
 * <p>It connects on its own thread, so that a broker that is down never blocks the service's start: {@link
 * #start} waits a moment for the first connection, then lets it carry on trying (every {@code retryEvery};
 * with a {@code failover:} URL the ActiveMQ client also reconnects by itself after a loss).
 */
final class EventSubscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);

    private final String brokerUrl;
    private final String topic;
    private final RepoEventHandler handler;
    private final Duration retryEvery;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread connector;
    private volatile Connection connection;
    private volatile boolean closed;

    EventSubscription(String brokerUrl, String topic, RepoEventHandler handler, Duration retryEvery) {
        this.brokerUrl = brokerUrl;
        this.topic = topic;
        this.handler = handler;
        this.retryEvery = retryEvery;
        this.connector = new Thread(this::connectUntilDone, "locker-alfresco-events");
        this.connector.setDaemon(true);
    }

    /** Starts connecting; true when subscribed within {@code wait}. */
    boolean start(Duration wait) {
        connector.start();
        try {
            boolean subscribed = connected.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (!subscribed) {
                LOG.warn(
                        "not yet subscribed to {} at {}: still trying; the reconcile covers what is missed meanwhile",
                        topic,
                        brokerUrl);
            }
            return subscribed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void connectUntilDone() {
        while (!closed) {
            try {
                subscribe();
                connected.countDown();
                LOG.info("listening to Alfresco events on topic {} at {}", topic, brokerUrl);
                return;
            } catch (JMSException | RuntimeException e) {
                LOG.warn(
                        "cannot subscribe to {} at {} (retrying in {}): {}",
                        topic,
                        brokerUrl,
                        retryEvery,
                        e.getMessage());
                closeQuietly();
                try {
                    Thread.sleep(retryEvery.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void subscribe() throws JMSException {
        Connection created = new ActiveMQConnectionFactory(brokerUrl).createConnection();
        connection = created;
        created.setExceptionListener(e -> LOG.warn("event connection problem: {}", e.getMessage()));
        Session session = created.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createTopic(topic));
        consumer.setMessageListener(this::onMessage);
        created.start();
        if (closed) {
            closeQuietly();
        }
    }

    private void onMessage(Message message) {
        try {
            String body;
            if (message instanceof TextMessage text) {
                body = text.getText();
            } else if (message instanceof BytesMessage bytes) {
                byte[] data = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(data);
                body = new String(data, StandardCharsets.UTF_8);
            } else {
                LOG.warn("skipped a {} on the event topic", message.getClass().getSimpleName());
                return;
            }
            handler.handle(body);
        } catch (JMSException | RuntimeException e) {
            // never let an exception reach the JMS client: it would redeliver or stop the session
            LOG.warn("event message not handled: {}", e.getMessage());
        }
    }

    private void closeQuietly() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (JMSException e) {
                LOG.debug("closing the event connection: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        closeQuietly();
    }
}
