"""Follows one s2spay payment on s2spay.payment.events with Confluent's Python client, until an event of a type.

usage: python3 consume_events.py <paymentId> <untilEventType>   e.g. pay_... PaymentCaptured
env:   KAFKA_BOOTSTRAP_SERVERS (host:port), SCHEMA_REGISTRY_URL (the registry's ccompat API, .../apis/ccompat/v7)
"""
import json
import os
import sys
import uuid

from confluent_kafka import Consumer
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

payment_id, until_event_type = sys.argv[1:3]

registry = CachedSchemaRegistryClient({"url": os.environ["SCHEMA_REGISTRY_URL"]})
# each record carries its schema's id: the serde fetches that schema once
serde = MessageSerializer(registry)
consumer = Consumer({
    "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP_SERVERS"],
    "group.id": "payment-follower-" + str(uuid.uuid4()),
    "auto.offset.reset": "earliest",
})
consumer.subscribe(["s2spay.payment.events"])
try:
    while True:
        message = consumer.poll(1.0)
        if message is None or message.error() or message.key().decode() != payment_id:
            continue
        event = serde.decode_message(message.value())
        # Python's avro library returns a union's record without its name: s2spay's eventType header has it
        event_type = dict(message.headers())["eventType"].decode()
        print(json.dumps({"paymentId": event["paymentId"], "type": event_type,
                          "occurredAt": event["occurredAt"].isoformat(), "payload": event["payload"]},
                         default=str), flush=True)
        if event_type == until_event_type:
            break
finally:
    consumer.close()
