DROP TABLE counsellor_requests;
