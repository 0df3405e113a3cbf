DROP TABLE task_categories;
DROP TABLE tasks;
