// Test helper (ForeignClientsEndToEndIT): produces one command of every payload type the topic's registered schema
// has, with values avsc makes up from the schema, through Confluent's serializer; prints one JSON line per record.
// usage: node test/produce-every-command.mjs <topic>     env: KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL
import { randomUUID } from 'node:crypto';
import { AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import avro from 'avsc';
import { Kafka } from 'kafkajs';

const [topic] = process.argv.slice(2);
const registry = new SchemaRegistryClient({ baseURLs: [process.env.SCHEMA_REGISTRY_URL] });
const serializer = new AvroSerializer(registry, SerdeType.VALUE, { useLatestVersion: true });

const latest = await registry.getLatestSchemaMetadata(`${topic}-value`);
const envelope = avro.Type.forSchema(JSON.parse(latest.schema));
const payloadTypes = envelope.getField('payload').getType().getTypes();

const kafka = new Kafka({ clientId: 'every-command', brokers: [process.env.KAFKA_BOOTSTRAP_SERVERS] });
const producer = kafka.producer();
await producer.connect();
for (const [index, payloadType] of payloadTypes.entries()) {
  const key = `pay_foreign_${index}_${randomUUID()}`;
  const command = {
    messageId: randomUUID(),
    paymentId: key,
    merchantId: 'merchant-foreign',
    occurredAt: Date.now(),
    correlationId: randomUUID(),
    causationId: index % 2 === 0 ? null : randomUUID(),
    payload: { [payloadType.branchName]: payloadType.random() },
  };
  const value = await serializer.serialize(topic, command);
  await producer.send({ topic, acks: -1, messages: [{ key, value }] });
  console.log(JSON.stringify({ key, type: payloadType.name.split('.').pop(), schemaId: value.readInt32BE(1) }));
}
await producer.disconnect();
