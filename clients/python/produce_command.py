"""Captures an s2spay payment by producing a CapturePayment command with Confluent's Python client.

usage: python3 produce_command.py <paymentId> <merchantId> <amountMinor> <currency>
env:   KAFKA_BOOTSTRAP_SERVERS (host:port), SCHEMA_REGISTRY_URL (the registry's ccompat API, .../apis/ccompat/v7)
"""
import datetime
import json
import os
import sys
import uuid

from confluent_kafka import Producer
from confluent_kafka.avro import CachedSchemaRegistryClient

from s2spay_avro import confluent_encode

payment_id, merchant_id, amount_minor, currency = sys.argv[1:5]
topic = "s2spay.backoffice.commands"

registry = CachedSchemaRegistryClient({"url": os.environ["SCHEMA_REGISTRY_URL"]})
# s2spay registers the topic's schema; a producer uses the latest version and never registers one
schema_id, schema, _version = registry.get_latest_schema(topic + "-value")

operation_id = str(uuid.uuid4())  # yours: the same id sent twice is carried out once
command = {
    "messageId": str(uuid.uuid4()),
    "paymentId": payment_id,
    "merchantId": merchant_id,
    "occurredAt": datetime.datetime.now(datetime.timezone.utc),
    "correlationId": str(uuid.uuid4()),
    "causationId": None,
    # the payload is a union of records with the same fields: name the branch
    "payload": ("CapturePayment", {
        "operationId": operation_id,
        "amount": {"amountMinor": int(amount_minor), "currency": currency},
    }),
}

producer = Producer({"bootstrap.servers": os.environ["KAFKA_BOOTSTRAP_SERVERS"], "acks": "all"})
# the key is the payment id: one payment's commands stay in order
producer.produce(topic, key=payment_id, value=confluent_encode(schema_id, schema, command))
if producer.flush(30) != 0:
    sys.exit("the command was not delivered")
print(json.dumps({"paymentId": payment_id, "operationId": operation_id}))
