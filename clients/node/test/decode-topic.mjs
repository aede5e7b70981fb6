// Test helper (ForeignClientsEndToEndIT): decodes the first <count> records of <topic> with Confluent's
// deserializer and prints, per record, its payload type and whether encoding the decoded value again with the
// writer's schema gives back the record's bytes (every field read, none lost).
// usage: node test/decode-topic.mjs <topic> <count>     env: KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL
import { randomUUID } from 'node:crypto';
import { AvroDeserializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import avro from 'avsc';
import { Kafka } from 'kafkajs';

const [topic, count] = process.argv.slice(2);
const registry = new SchemaRegistryClient({ baseURLs: [process.env.SCHEMA_REGISTRY_URL] });
const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
const writerTypes = new Map();

const kafka = new Kafka({ clientId: 'decode-topic', brokers: [process.env.KAFKA_BOOTSTRAP_SERVERS] });
const consumer = kafka.consumer({ groupId: `decode-topic-${randomUUID()}` });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
// a group's first rebalance can hand a record over twice: one line per record
const decoded = new Map();
let done;
const finished = new Promise((resolve) => { done = resolve; });
await consumer.run({
  eachMessage: async ({ message }) => {
    const value = await deserializer.deserialize(topic, message.value).catch((error) => {
      // kafkajs would retry the record for good: a record this client cannot decode fails the test at once
      console.error(`offset ${message.offset}: ${error.stack}`);
      process.exit(1);
    });
    const schemaId = message.value.readInt32BE(1);
    if (!writerTypes.has(schemaId)) {
      const info = await registry.getBySubjectAndId(`${topic}-value`, schemaId);
      writerTypes.set(schemaId, avro.Type.forSchema(JSON.parse(info.schema)));
    }
    const [[typeName]] = Object.entries(value.payload);
    const reencoded = writerTypes.get(schemaId).toBuffer(value);
    decoded.set(message.key.toString(), {
      key: message.key.toString(),
      type: typeName.substring(typeName.lastIndexOf('.') + 1),
      paymentId: value.paymentId,
      eventTypeHeader: message.headers?.eventType?.toString() ?? null,
      roundTrip: reencoded.equals(message.value.subarray(5)),
    });
    if (decoded.size >= Number(count)) done();
  },
});
await finished;
await consumer.disconnect();
for (const line of decoded.values()) console.log(JSON.stringify(line));
