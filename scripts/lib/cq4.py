#!/usr/bin/env python3
"""Damages a Chronicle Queue cycle file (.cq4) the way a disk or an operator could, for scripts/fault-test.

usage: cq4.py count FILE                 data documents in the file
       cq4.py flip FILE N OFFSET         flips the low bit of byte OFFSET of data document N's body (0-based N)
       cq4.py header FILE N MASK         flips the bits of MASK (hex) in data document N's 4-byte header
       cq4.py cut FILE N                 truncates the file where data document N starts

A cycle file is a run of documents, each a little-endian 32-bit header (length in the low 30 bits, bit 30: metadata,
bit 31: not yet complete) and its body, each header 4-byte aligned; a zero header ends the written part.
"""
import struct
import sys

META = 0x40000000
LENGTH = 0x3FFFFFFF


def data_documents(content):
    position = 0
    while position + 4 <= len(content):
        header = struct.unpack_from("<I", content, position)[0]
        if header == 0:
            return
        length = header & LENGTH
        if not header & META:
            yield position, length
        position = (position + 4 + length + 3) & ~3


def nth(content, n):
    for i, document in enumerate(data_documents(content)):
        if i == n:
            return document
    sys.exit(f"cq4.py: the file holds fewer than {n + 1} data documents")


def main():
    verb, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        content = bytearray(f.read())
    if verb == "count":
        print(sum(1 for _ in data_documents(content)))
        return
    position, length = nth(content, int(sys.argv[3]))
    if verb == "flip":
        offset = int(sys.argv[4])
        if offset >= length:
            sys.exit(f"cq4.py: document {sys.argv[3]} has only {length} bytes")
        content[position + 4 + offset] ^= 0x01
    elif verb == "header":
        header = struct.unpack_from("<I", content, position)[0]
        struct.pack_into("<I", content, position, header ^ int(sys.argv[4], 16))
    elif verb == "cut":
        del content[position:]
    else:
        sys.exit(f"cq4.py: unknown verb {verb}")
    with open(path, "r+b") as f:
        f.write(content)
        f.truncate(len(content))


if __name__ == "__main__":
    main()
