//! Share links (format.md §2): `#v1=` + base64url(raw DEFLATE(saved JSON)).
