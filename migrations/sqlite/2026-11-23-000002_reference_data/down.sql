DELETE FROM categories;
DELETE FROM municipalities;
DELETE FROM regions;
