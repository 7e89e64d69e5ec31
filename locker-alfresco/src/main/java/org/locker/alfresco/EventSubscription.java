package org.locker.alfresco;

import java.nio.charset.StandardCharsets;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.locker.core.platform.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JMS consumer (ActiveMQ Classic, OpenWire) on Alfresco's event topic. The subscription is not durable:
 * events published while the service is down are lost, which the start-up and periodic reconcile make up
 * for. With a {@code failover:} broker URL the client reconnects by itself.
 */
final class EventSubscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);

    private final Connection connection;

    EventSubscription(String brokerUrl, String topic, RepoEventHandler handler) {
        try {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
            connection = factory.createConnection();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic(topic));
            consumer.setMessageListener(message -> onMessage(message, handler));
            connection.start();
            LOG.info("listening to Alfresco events on topic {} at {}", topic, brokerUrl);
        } catch (JMSException e) {
            throw new PlatformException("cannot subscribe to " + topic + " at " + brokerUrl, e);
        }
    }

    private static void onMessage(Message message, RepoEventHandler handler) {
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

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.warn("closing the event connection: {}", e.getMessage());
        }
    }
}
