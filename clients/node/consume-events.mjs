// Follows one s2spay payment on s2spay.payment.events with Confluent's Node.js client, until an event of a type.
// usage: node consume-events.mjs <paymentId> <untilEventType>   e.g. pay_... PaymentRefunded
// env:   KAFKA_BOOTSTRAP_SERVERS (host:port), SCHEMA_REGISTRY_URL (the registry's ccompat API, .../apis/ccompat/v7)
import { randomUUID } from 'node:crypto';
import { AvroDeserializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { Kafka } from 'kafkajs';

const [paymentId, untilEventType] = process.argv.slice(2);
const topic = 's2spay.payment.events';

const registry = new SchemaRegistryClient({ baseURLs: [process.env.SCHEMA_REGISTRY_URL] });
// each record carries its schema's id: the deserializer fetches that schema once
const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});

const kafka = new Kafka({ clientId: 'payment-follower', brokers: [process.env.KAFKA_BOOTSTRAP_SERVERS] });
const consumer = kafka.consumer({ groupId: `payment-follower-${randomUUID()}` });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });

let done;
const finished = new Promise((resolve) => { done = resolve; });
await consumer.run({
  eachMessage: async ({ message }) => {
    if (message.key?.toString() !== paymentId) return;
    const event = await deserializer.deserialize(topic, message.value);
    // the payload is a union of records: its one key is the event's type
    const [[typeName, payload]] = Object.entries(event.payload);
    const type = typeName.substring(typeName.lastIndexOf('.') + 1);
    console.log(JSON.stringify({ paymentId: event.paymentId, type, occurredAt: event.occurredAt, payload }));
    if (type === untilEventType) done();
  },
});
await finished;
await consumer.disconnect();
