"""warclib.py -- one WARC record as bytes, for the test-data generators
(make-data.py, make-html.py)."""


def warc_record(typ, uri, rid, date, block, ctype, extra=""):
    block = block.encode("utf-8") if isinstance(block, str) else block
    h = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\n"
         "WARC-Record-ID: <urn:uuid:%s>\r\n%sContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
         % (typ, uri, date, rid, extra, ctype, len(block)))
    return h.encode() + block + b"\r\n\r\n"
