module lazyvars

go 1.26
