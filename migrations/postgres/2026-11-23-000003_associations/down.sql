DROP TABLE association_claims;
DROP TABLE association_services;
DROP TABLE association_invitations;
DROP TABLE association_members;
DROP TABLE associations;
