DROP TABLE association_follows;
DROP TABLE saved_searches;
