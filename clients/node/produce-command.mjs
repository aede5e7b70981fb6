// Refunds part of an s2spay payment by producing a RefundPayment command with Confluent's Node.js client.
// usage: node produce-command.mjs <paymentId> <merchantId> <amountMinor> <currency>
// env:   KAFKA_BOOTSTRAP_SERVERS (host:port), SCHEMA_REGISTRY_URL (the registry's ccompat API, .../apis/ccompat/v7)
import { randomUUID } from 'node:crypto';
import { AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { Kafka } from 'kafkajs';

const [paymentId, merchantId, amountMinor, currency] = process.argv.slice(2);
const topic = 's2spay.backoffice.commands';

const registry = new SchemaRegistryClient({ baseURLs: [process.env.SCHEMA_REGISTRY_URL] });
// s2spay registers the topic's schema; a producer serializes with the latest version and never registers one
const serializer = new AvroSerializer(registry, SerdeType.VALUE, { useLatestVersion: true });

const operationId = randomUUID(); // yours: the same id sent twice is carried out once
const command = {
  messageId: randomUUID(),
  paymentId,
  merchantId,
  occurredAt: Date.now(),
  correlationId: randomUUID(),
  causationId: null,
  // the payload is a union of records: name the branch
  payload: {
    'io.s2spay.schema.command.RefundPayment': {
      operationId,
      amount: { amountMinor: Number(amountMinor), currency },
    },
  },
};

const kafka = new Kafka({ clientId: 'refunds', brokers: [process.env.KAFKA_BOOTSTRAP_SERVERS] });
const producer = kafka.producer();
await producer.connect();
await producer.send({
  topic,
  acks: -1,
  // the key is the payment id: one payment's commands stay in order
  messages: [{ key: paymentId, value: await serializer.serialize(topic, command) }],
});
await producer.disconnect();
console.log(JSON.stringify({ paymentId, operationId }));
