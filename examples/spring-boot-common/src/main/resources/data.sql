insert into task (title, done, owner) values ('Write the release notes', true, 'alice');
insert into task (title, done, owner) values ('Ship 1.0', false, 'admin');
