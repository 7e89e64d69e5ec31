<import resource="classpath:alfresco/templates/webscripts/org/alfresco/repository/admin/admin-common.lib.js">
<import resource="classpath:alfresco/extension/templates/webscripts/org/alfresco/repository/admin/locker/locker-settings.lib.js">

function main()
{
   var node = LockerSettings.folder();
   model.found = node !== null;
   if (node !== null)
   {
      model.settings = LockerSettings.read(node);
   }
   model.tools = Admin.getConsoleTools("locker-settings");
   model.metadata = Admin.getServerMetaData();
}

main();
