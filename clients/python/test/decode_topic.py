"""Test helper (ForeignClientsEndToEndIT): decodes the first <count> records of <topic> with Confluent's legacy
Python serde and prints each as one JSON line: its key, its eventType header and the decoded value (timestamps in
epoch milliseconds).

usage: python3 test/decode_topic.py <topic> <count>     env: KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL
"""
import datetime
import json
import os
import sys
import uuid

from confluent_kafka import Consumer
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

topic, count = sys.argv[1], int(sys.argv[2])
serde = MessageSerializer(CachedSchemaRegistryClient({"url": os.environ["SCHEMA_REGISTRY_URL"]}))
consumer = Consumer({
    "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP_SERVERS"],
    "group.id": "decode-topic-" + str(uuid.uuid4()),
    "auto.offset.reset": "earliest",
})


def plain(value):
    if isinstance(value, datetime.datetime):
        return round(value.timestamp() * 1000)
    raise TypeError(type(value))


consumer.subscribe([topic])
seen = 0
try:
    while seen < count:
        message = consumer.poll(1.0)
        if message is None:
            continue
        if message.error():
            raise SystemExit(str(message.error()))
        headers = dict(message.headers() or [])
        print(json.dumps({
            "key": message.key().decode(),
            "eventTypeHeader": headers["eventType"].decode() if "eventType" in headers else None,
            "value": serde.decode_message(message.value()),
        }, default=plain), flush=True)
        seen += 1
finally:
    consumer.close()
